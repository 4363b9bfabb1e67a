//! Clean-up shared by the parsers: what a paste or a phone keyboard adds that a
//! citizen cannot see and should never be blamed for.

/// Invisible format characters (zero-width, joiners, BOM, soft hyphen, bidi controls).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Maps full-width ASCII (U+FF01..U+FF5E, typed by CJK/Vietnamese IMEs) and the
/// ideographic space to their ASCII forms.
pub(crate) fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Removes invisible characters and folds full-width forms.
pub(crate) fn clean(input: &str) -> impl Iterator<Item = char> + '_ {
    input
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(fold_full_width)
}

/// The digits of a number typed with any grouping: `separators` are dropped, and
/// `Err(())` is returned on any other non-digit character.
pub(crate) fn digits_ignoring(input: &str, separators: &[char]) -> Result<String, ()> {
    let mut out = String::with_capacity(input.len().min(32));
    for c in clean(input) {
        if c.is_ascii_digit() {
            out.push(c);
        } else if !(c.is_whitespace() || separators.contains(&c)) {
            return Err(());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_invisibles() {
        assert_eq!(
            digits_ignoring("０９１\u{200B}2.3", &['.']),
            Ok("09123".into())
        );
        assert_eq!(digits_ignoring("12a", &['.']), Err(()));
        assert_eq!(digits_ignoring("1\u{3000}2", &[]), Ok("12".into()));
    }
}
