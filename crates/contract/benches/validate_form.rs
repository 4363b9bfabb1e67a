//! Validating a whole details form and a password, natively.
//! `cargo bench -p contract` (criterion prints the time per iteration).

use contract::password::{check, PersonalInfo};
use contract::RegistrationForm;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use time::macros::date;

fn bench(c: &mut Criterion) {
    let form = RegistrationForm {
        id_number: "001 090 000 123".into(),
        full_name: "  Nguye\u{0302}\u{0303}n  Văn An ".into(),
        date_of_birth: "15/03/1990".into(),
        phone: "+84 912 345 678".into(),
        email: "an.nguyen@example.vn".into(),
    };
    let today = date!(2026 - 11 - 26);
    c.bench_function("validate details form", |b| {
        b.iter(|| black_box(&form).validate(today))
    });
    let valid = form.validate(today).unwrap();
    let info = PersonalInfo {
        id_number: Some(valid.id_number),
        phone: Some(valid.phone),
        birth_date: Some(valid.birth_date),
    };
    c.bench_function("check password rules", |b| {
        b.iter(|| check(black_box("Sen#vang7Ho"), black_box("Sen#vang7Ho"), &info))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
