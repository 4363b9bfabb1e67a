//! Captcha images: five characters from an alphabet with no look-alikes (no 0/O, 1/I/L,
//! 2/Z, 5/S, 8/B), drawn as stroked glyphs (no `<text>` a script could read) with
//! rotation, jitter and noise, as an SVG the client shows through a `data:` URL.

use rand::Rng;
use std::fmt::Write;

pub const ALPHABET: &str = "ACDEFHJKMNPRTUVWXY3467";
pub const LENGTH: usize = 5;
pub const TTL_S: u32 = 300;

/// Polylines on a 4×6 grid (y down).
fn strokes(c: char) -> &'static [&'static [(f32, f32)]] {
    match c {
        'A' => &[&[(0., 6.), (2., 0.), (4., 6.)], &[(1., 3.5), (3., 3.5)]],
        'C' => &[&[
            (4., 1.),
            (3., 0.),
            (1., 0.),
            (0., 1.),
            (0., 5.),
            (1., 6.),
            (3., 6.),
            (4., 5.),
        ]],
        'D' => &[&[
            (0., 0.),
            (0., 6.),
            (3., 6.),
            (4., 5.),
            (4., 1.),
            (3., 0.),
            (0., 0.),
        ]],
        'E' => &[
            &[(4., 0.), (0., 0.), (0., 6.), (4., 6.)],
            &[(0., 3.), (3., 3.)],
        ],
        'F' => &[&[(4., 0.), (0., 0.), (0., 6.)], &[(0., 3.), (3., 3.)]],
        'H' => &[
            &[(0., 0.), (0., 6.)],
            &[(4., 0.), (4., 6.)],
            &[(0., 3.), (4., 3.)],
        ],
        'J' => &[&[(4., 0.), (4., 5.), (3., 6.), (1., 6.), (0., 5.)]],
        'K' => &[
            &[(0., 0.), (0., 6.)],
            &[(4., 0.), (0., 3.5)],
            &[(1.2, 2.8), (4., 6.)],
        ],
        'M' => &[&[(0., 6.), (0., 0.), (2., 3.), (4., 0.), (4., 6.)]],
        'N' => &[&[(0., 6.), (0., 0.), (4., 6.), (4., 0.)]],
        'P' => &[&[
            (0., 6.),
            (0., 0.),
            (3., 0.),
            (4., 1.),
            (4., 2.),
            (3., 3.),
            (0., 3.),
        ]],
        'R' => &[
            &[
                (0., 6.),
                (0., 0.),
                (3., 0.),
                (4., 1.),
                (4., 2.),
                (3., 3.),
                (0., 3.),
            ],
            &[(2., 3.), (4., 6.)],
        ],
        'T' => &[&[(0., 0.), (4., 0.)], &[(2., 0.), (2., 6.)]],
        'U' => &[&[(0., 0.), (0., 5.), (1., 6.), (3., 6.), (4., 5.), (4., 0.)]],
        'V' => &[&[(0., 0.), (2., 6.), (4., 0.)]],
        'W' => &[&[(0., 0.), (1., 6.), (2., 2.), (3., 6.), (4., 0.)]],
        'X' => &[&[(0., 0.), (4., 6.)], &[(4., 0.), (0., 6.)]],
        'Y' => &[&[(0., 0.), (2., 3.), (4., 0.)], &[(2., 3.), (2., 6.)]],
        '3' => &[&[
            (0., 0.),
            (4., 0.),
            (2., 2.5),
            (3., 2.5),
            (4., 3.5),
            (4., 5.),
            (3., 6.),
            (1., 6.),
            (0., 5.),
        ]],
        '4' => &[&[(3., 6.), (3., 0.), (0., 4.), (4., 4.)]],
        '6' => &[&[
            (4., 0.),
            (1., 0.),
            (0., 1.),
            (0., 5.),
            (1., 6.),
            (3., 6.),
            (4., 5.),
            (4., 4.),
            (3., 3.),
            (0., 3.),
        ]],
        '7' => &[&[(0., 0.), (4., 0.), (1.5, 6.)]],
        _ => &[],
    }
}

pub fn random_answer(rng: &mut impl Rng) -> String {
    let chars: Vec<char> = ALPHABET.chars().collect();
    (0..LENGTH)
        .map(|_| chars[rng.random_range(0..chars.len())])
        .collect()
}

/// The image for `answer`. Characters outside the glyph set (possible only with
/// `--captcha-answer`) are drawn as plain text: that mode is for tests and demos.
pub fn render_svg(answer: &str, rng: &mut impl Rng) -> String {
    let (w, h) = (200.0_f32, 70.0_f32);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}"><rect width="{w}" height="{h}" fill="#eef3f9"/>"##
    );
    let colors = ["#1d3557", "#6a040f", "#283618", "#3c096c", "#7f4f24"];
    for _ in 0..5 {
        let [y0, y1, y2, y3]: [f32; 4] = std::array::from_fn(|_| rng.random_range(5.0..h - 5.0));
        let _ = write!(
            svg,
            r##"<path d="M0 {y0:.1} C70 {y1:.1} 130 {y2:.1} {w} {y3:.1}" fill="none" stroke="#9db4cf" stroke-width="1.5"/>"##
        );
    }
    let count = answer.chars().count().max(1) as f32;
    let step = (w - 30.0) / count;
    for (i, c) in answer.chars().enumerate() {
        let x = 15.0 + step * i as f32 + rng.random_range(0.0..step * 0.25);
        let y = rng.random_range(10.0..20.0);
        let angle = rng.random_range(-18.0..18.0);
        let scale = rng.random_range(6.5..8.0);
        let color = colors[rng.random_range(0..colors.len())];
        let glyph = strokes(c);
        if glyph.is_empty() {
            let _ = write!(
                svg,
                r##"<text x="{x:.1}" y="{:.1}" font-size="40" font-family="monospace" fill="{color}" transform="rotate({angle:.1} {x:.1} 40)">{c}</text>"##,
                y + 35.0
            );
            continue;
        }
        let _ = write!(
            svg,
            r##"<g transform="translate({x:.1} {y:.1}) rotate({angle:.1} 14 21) scale({scale:.2})" fill="none" stroke="{color}" stroke-width="{:.2}" stroke-linecap="round" stroke-linejoin="round">"##,
            3.2 / scale
        );
        for line in glyph {
            let points: Vec<String> = line
                .iter()
                .map(|(px, py)| {
                    let jx = px + rng.random_range(-0.15..0.15);
                    let jy = py + rng.random_range(-0.15..0.15);
                    format!("{jx:.2},{jy:.2}")
                })
                .collect();
            let _ = write!(svg, r#"<polyline points="{}"/>"#, points.join(" "));
        }
        svg.push_str("</g>");
    }
    for _ in 0..40 {
        let _ = write!(
            svg,
            r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="#7d8fa8"/>"##,
            rng.random_range(0.0..w),
            rng.random_range(0.0..h),
            rng.random_range(0.5..1.6)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alphabet_char_has_a_glyph_and_no_text_leaks() {
        assert!(ALPHABET.chars().all(|c| !strokes(c).is_empty()));
        let mut rng = rand::rng();
        let answer = random_answer(&mut rng);
        assert_eq!(answer.chars().count(), LENGTH);
        let svg = render_svg(&answer, &mut rng);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(
            !svg.contains("<text"),
            "the answer must not be readable as text"
        );
        assert!(svg.matches("<polyline").count() >= LENGTH);
    }
}
