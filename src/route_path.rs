//! A route table path as a router segment: the whole `/a/b` matched one segment at a time,
//! exactly as `path!("/a/b")` would (a tuple of `StaticSegment`s), but from a const.

use leptos_router::{PartialPathMatch, PathSegment, PossibleRouteMatch, StaticSegment};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaticPath(pub &'static str);

impl StaticPath {
    fn segments(self) -> impl Iterator<Item = &'static str> {
        self.0.split('/').filter(|s| !s.is_empty())
    }
}

impl PossibleRouteMatch for StaticPath {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        // `""` and `"/"` have no segments: `path!` makes them `()`.
        if self.segments().next().is_none() {
            return ().test(path);
        }
        let mut remaining = path;
        for segment in self.segments() {
            remaining = StaticSegment(segment).test(remaining)?.remaining();
        }
        let matched = &path[..path.len() - remaining.len()];
        Some(PartialPathMatch::new(remaining, Vec::new(), matched))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        for segment in self.segments() {
            StaticSegment(segment).generate_path(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos_router::path;

    /// Every route table path matches every address as the `path!` macro's segments do.
    #[test]
    fn matches_as_the_path_macro_does() {
        let addresses = [
            "",
            "/",
            "/dang-ky",
            "/dang-ky/",
            "/dang-ky/thue-bao-di-dong",
            "/dang-ky/thue-bao-di-dong/otp",
            "/dang-kyx",
            "/dang",
            "/quen-mat-khau/otp",
            "/otp",
            "otp",
        ];
        let pairs: [(StaticPath, Box<dyn PossibleRouteMatch>); 5] = [
            (StaticPath("/"), Box::new(path!("/"))),
            (StaticPath(""), Box::new(path!(""))),
            (StaticPath("/dang-ky"), Box::new(path!("/dang-ky"))),
            (
                StaticPath("/dang-ky/thue-bao-di-dong"),
                Box::new(path!("/dang-ky/thue-bao-di-dong")),
            ),
            (StaticPath("otp"), Box::new(path!("otp"))),
        ];
        for (ours, theirs) in &pairs {
            for address in addresses {
                let a = ours.test(address).map(|m| (m.remaining(), m.matched()));
                let b = theirs.test(address).map(|m| (m.remaining(), m.matched()));
                assert_eq!(a, b, "{ours:?} on {address:?}");
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            ours.generate_path(&mut a);
            theirs.generate_path(&mut b);
            assert_eq!(a, b, "{ours:?}");
        }
    }
}
