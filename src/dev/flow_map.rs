//! The flow map: every screen of the route table as a node (with its gallery states under it),
//! every transition as an arrow labelled with its cause. Built from the route table, the flows'
//! steps and the answers that move them on (`FlowKind::steps`, `advance_status`), the failure
//! mappings that send a citizen back (`flow::outcome`) and the screens' links (checked against
//! the rendered screens by the designer-kit e2e tests), so it follows the code.

use super::reach::wire;
use super::script::Act;
use super::states::{GalleryState, Screen, Setup, STATES};
use crate::api::Failure;
use crate::flow::outcome::{otp_outcome, password_outcome, OtpNotice, PasswordRefusal};
use crate::flow::state::{FlowKind, Step};
use contract::api::{ApiError, ErrorCode};
use contract::messages::{AccountUi, Localize, Ui};
use contract::route_table::ROUTES;
use std::fmt::Write;

/// A link or button (a form's submit, "Đăng xuất") on one screen that leads to another.
pub struct Link {
    pub from: Screen,
    pub to: Screen,
    pub label: &'static str,
}

const fn link(from: Screen, to: Screen, label: (&'static str, &'static str)) -> Link {
    Link {
        from,
        to,
        label: label.0,
    }
}

/// The links between screens outside the flows' own steps.
pub fn links() -> [Link; 7] {
    [
        link(Screen::Home, Screen::Choose, Ui::Register.texts()),
        link(Screen::Home, Screen::SignIn, Ui::SignIn.texts()),
        link(Screen::Home, Screen::About, Ui::PrototypeMore.texts()),
        link(Screen::Choose, Screen::Details, Ui::Continue.texts()),
        link(
            Screen::SignIn,
            Screen::ResetStart,
            AccountUi::ForgotPassword.texts(),
        ),
        link(Screen::Done, Screen::SignIn, AccountUi::GoToSignIn.texts()),
        link(Screen::Account, Screen::Home, AccountUi::SignOut.texts()),
    ]
}

pub struct Node {
    pub screen: Screen,
    pub title: &'static str,
    /// Its address ("" for a screen whose code did not load).
    pub path: &'static str,
    /// Its gallery states, the first the one its thumbnail shows.
    pub states: Vec<&'static GalleryState>,
    pub column: usize,
}

pub struct Edge {
    pub from: Screen,
    pub to: Screen,
    pub label: String,
}

pub struct FlowMap {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// The gallery screen that shows a route's screen (the first, so the form over its failure).
fn screen_at(path: &str) -> Screen {
    Screen::ALL
        .into_iter()
        .find(|s| s.route().is_some_and(|r| r.path == path))
        .unwrap_or(Screen::LoadFailed)
}

fn node_of(screen: Screen) -> Screen {
    screen
        .route()
        .map_or(Screen::LoadFailed, |r| screen_at(r.path))
}

pub fn flow_map() -> FlowMap {
    let mut nodes: Vec<Node> = ROUTES
        .iter()
        .map(|r| {
            let screen = screen_at(r.path);
            Node {
                screen,
                title: "",
                path: r.path,
                states: Vec::new(),
                column: match r.flow {
                    None if screen == Screen::Account => 2,
                    None => 0,
                    Some(FlowKind::Registration) => 1,
                    Some(FlowKind::SignIn) => 2,
                    Some(FlowKind::Reset) => 3,
                },
            }
        })
        .collect();
    nodes.push(Node {
        screen: Screen::LoadFailed,
        title: "",
        path: "",
        states: Vec::new(),
        column: 0,
    });
    for state in STATES {
        let home = node_of(state.screen);
        if let Some(node) = nodes.iter_mut().find(|n| n.screen == home) {
            if node.states.is_empty() {
                node.title = state.title;
            }
            node.states.push(state);
        }
    }
    FlowMap {
        nodes,
        edges: edges(),
    }
}

fn edges() -> Vec<Edge> {
    let mut edges = Vec::new();
    for kind in FlowKind::ALL {
        for pair in kind.steps().windows(2) {
            let action = match pair[0] {
                Step::Details => "submit",
                Step::Otp => "right code",
                _ => "new password",
            };
            edges.push(Edge {
                from: screen_at(kind.path(pair[0])),
                to: screen_at(kind.path(pair[1])),
                label: format!("{action} · {}", kind.advance_status(pair[0])),
            });
        }
        // The answers that send a citizen back a step, as the screens map them.
        let answer = |code: ErrorCode| {
            let failure = Failure::Api(ApiError::new(code, ""));
            (failure, format!("{} {}", code.status(), wire(code)))
        };
        let (gone, gone_label) = answer(ErrorCode::NotFound);
        if otp_outcome(&gone) == OtpNotice::StartAgain {
            edges.push(Edge {
                from: screen_at(kind.path(Step::Otp)),
                to: screen_at(kind.path(Step::Details)),
                label: format!("{gone_label} · start again"),
            });
        }
        let (expired, expired_label) = answer(ErrorCode::InvalidToken);
        if kind.steps().contains(&Step::Password)
            && password_outcome(&expired) == PasswordRefusal::VerifyAgain
        {
            edges.push(Edge {
                from: screen_at(kind.path(Step::Password)),
                to: screen_at(kind.path(Step::Otp)),
                label: format!("{expired_label} · verify again"),
            });
        }
    }
    edges.extend(links().into_iter().map(|l| Edge {
        from: l.from,
        to: l.to,
        label: format!("“{}”", l.label),
    }));
    edges
}

impl FlowMap {
    /// An arrow in words: "Trang chủ (home, /) → Chọn phương thức (choose-method, /dang-ky):
    /// “Đăng ký”" (each end's title, its thumbnail's state and its address).
    pub fn describe(&self, edge: &Edge) -> String {
        let end = |screen: Screen| {
            self.nodes
                .iter()
                .find(|n| n.screen == screen)
                .map_or(String::new(), |n| {
                    let key = n.states.first().map_or("", |s| s.key);
                    format!("{} ({key}, {})", n.title, n.path)
                })
        };
        format!("{} → {}: {}", end(edge.from), end(edge.to), edge.label)
    }
}

/// What brings a state about on its screen, in a few words.
pub fn cause(state: &GalleryState) -> String {
    if let Some(&(_, _, code)) = state.answers.first() {
        return format!("{} {}", code.status(), wire(code));
    }
    match state.setup {
        Setup::Otp { expires_s, .. } if expires_s < 0 => return "clock: code expired".into(),
        Setup::Otp { resend_s, .. } if resend_s > 0 => return "clock: just sent".into(),
        Setup::Otp { sends_left: 0, .. } => return "every resend used".into(),
        Setup::Otp { expires_s, .. } if expires_s < 60 => return "clock: under a minute".into(),
        _ => {}
    }
    if state.screen == Screen::LoadFailed {
        return "offline: code not loaded".into();
    }
    match state.acts {
        [] => "arrive".into(),
        [Act::Submit] => "submit empty".into(),
        acts if acts.contains(&Act::Submit) => "typed, submit".into(),
        _ => "typing".into(),
    }
}

/// Where the SVG's links and thumbnails point.
pub struct Hrefs<'a> {
    /// Prefix of `{key}-375.png`.
    pub thumbnails: &'a str,
    /// Prefix of a state's key (`/__gallery/`, `index.html#`).
    pub states: &'a str,
}

const NODE_W: i32 = 330;
const COLUMN_GAP: i32 = 150;
const ROW_GAP: i32 = 90;
const THUMB_H: i32 = 170;
const LINE_H: i32 = 16;
/// The thumbnail starts below the phone layout's banner and header, at the screen's own top.
const THUMB_SKIP: i32 = 240;

/// Position and size of each node: columns left to right, rows in table order.
fn layout(map: &FlowMap) -> Vec<(i32, i32, i32)> {
    let mut bottoms = [30; 4];
    map.nodes
        .iter()
        .map(|n| {
            let x = COLUMN_GAP + n.column as i32 * (NODE_W + COLUMN_GAP);
            let y = bottoms[n.column];
            let h = 46 + THUMB_H + 10 + LINE_H * n.states.len() as i32;
            bottoms[n.column] = y + h + ROW_GAP;
            (x, y, h)
        })
        .collect()
}

/// An arrow's path and where its label goes. Down a column to the next box: straight; else
/// within a column: a curve on its left; across columns: side to side, the label in the gap
/// beside the box it leaves (a long arrow's middle would be over another column's box).
fn arrow(
    i: i32,
    (fx, fy, fh): (i32, i32, i32),
    (tx, ty, th): (i32, i32, i32),
    boxes: &[(i32, i32, i32)],
) -> (String, i32, i32) {
    if fx == tx {
        let between = boxes.iter().any(|&(x, y, _)| x == fx && y > fy && y < ty);
        if ty > fy && !between {
            let x = fx + NODE_W / 2;
            return (
                format!("M {x} {} L {x} {ty}", fy + fh),
                x + 4,
                (fy + fh + ty) / 2 + 4,
            );
        }
        let (y1, y2) = (fy + fh / 2 + 10 * (i % 3), ty + th / 2);
        let mid = (y1 + y2) / 2;
        let d = format!("M {fx} {y1} Q {} {mid} {tx} {y2}", fx - 2 * COLUMN_GAP / 3);
        return (d, fx - COLUMN_GAP / 3, mid);
    }
    let toward = if tx > fx { 1 } else { -1 };
    let x1 = if toward > 0 { fx + NODE_W } else { fx };
    let x2 = if toward > 0 { tx } else { tx + NODE_W };
    let (y1, y2) = (fy + 30 + (i % 4) * 14, ty + 20);
    let lx = x1 + toward * COLUMN_GAP / 2;
    let ly = y1 + (y2 - y1) * (COLUMN_GAP / 2) / (x2 - x1).abs().max(1);
    (format!("M {x1} {y1} L {x2} {y2}"), lx, ly - 4)
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The map as one SVG document.
pub fn svg(map: &FlowMap, hrefs: &Hrefs) -> String {
    let boxes = layout(map);
    let width = COLUMN_GAP + 4 * (NODE_W + COLUMN_GAP);
    let height = boxes.iter().map(|(_, y, h)| y + h).max().unwrap_or(0) + 30;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"flow-map-title\" \
         font-family=\"system-ui, sans-serif\" font-size=\"12\">\
         <title id=\"flow-map-title\">Flow map: {} screens, {} transitions, {} gallery states</title>\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" \
         markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#1d4e89\"/></marker></defs>\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>",
        map.nodes.len(),
        map.edges.len(),
        STATES.len()
    );
    let at = |screen: Screen| {
        map.nodes
            .iter()
            .position(|n| n.screen == screen)
            .map_or((0, 0, 0), |i| boxes[i])
    };
    // Arrows under the boxes, their labels over everything.
    let arrows: Vec<_> = map
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| arrow(i as i32, at(e.from), at(e.to), &boxes))
        .collect();
    for (d, _, _) in &arrows {
        let _ = write!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"#1d4e89\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>"
        );
    }
    for (node, &(x, y, h)) in map.nodes.iter().zip(&boxes) {
        let first = node.states.first().map_or("", |s| s.key);
        let path = if node.path.is_empty() {
            "(no address: a screen whose code did not load)"
        } else {
            node.path
        };
        let _ = write!(
            out,
            "<g data-screen=\"{path}\"><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_W}\" height=\"{h}\" rx=\"6\" \
             fill=\"#f5f7fa\" stroke=\"#5c6670\"/>\
             <text x=\"{}\" y=\"{}\" font-weight=\"700\" font-size=\"14\">{}</text>\
             <text x=\"{}\" y=\"{}\" fill=\"#3d4551\">{}</text>\
             <a href=\"{}{first}\"><svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{THUMB_H}\" \
             viewBox=\"0 {THUMB_SKIP} 375 {}\"><image href=\"{}{first}-375.png\" width=\"375\"/></svg>\
             <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{THUMB_H}\" fill=\"none\" stroke=\"#c9cdd3\"/></a>",
            x + 10, y + 20, esc(node.title),
            x + 10, y + 37, esc(path),
            hrefs.states, x + 10, y + 46, NODE_W - 20,
            THUMB_H * 375 / (NODE_W - 20), hrefs.thumbnails,
            x + 10, y + 46, NODE_W - 20,
        );
        for (i, state) in node.states.iter().enumerate() {
            let _ = write!(
                out,
                "<a href=\"{}{key}\"><text x=\"{}\" y=\"{}\" fill=\"#1d4e89\" data-state=\"{key}\">{} → {key}</text></a>",
                hrefs.states,
                x + 10,
                y + 46 + THUMB_H + 20 + LINE_H * i as i32,
                esc(&cause(state)),
                key = state.key,
            );
        }
        out.push_str("</g>");
    }
    for ((_, lx, ly), edge) in arrows.iter().zip(&map.edges) {
        // "404 not_found · start again" on two lines: labels fit the gaps between columns.
        let lines: String = edge
            .label
            .split(" · ")
            .enumerate()
            .map(|(i, part)| {
                let dy = if i == 0 { 0 } else { 14 };
                format!("<tspan x=\"{lx}\" dy=\"{dy}\">{}</tspan>", esc(part))
            })
            .collect();
        let _ = write!(
            out,
            "<text x=\"{lx}\" y=\"{ly}\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#fff\" \
             stroke-width=\"4\" fill=\"#1b1b1b\">{lines}</text>"
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::route_table::route_at;

    #[test]
    fn every_route_and_every_gallery_state_is_on_the_map() {
        let map = flow_map();
        for route in ROUTES {
            assert!(
                map.nodes.iter().any(|n| n.path == route.path),
                "{}",
                route.path
            );
        }
        let drawn = svg(
            &map,
            &Hrefs {
                thumbnails: "",
                states: "#",
            },
        );
        for state in STATES {
            let on = map
                .nodes
                .iter()
                .filter(|n| n.states.iter().any(|s| s.key == state.key));
            assert_eq!(on.count(), 1, "{}", state.key);
            assert!(
                drawn.contains(&format!("data-state=\"{}\"", state.key)),
                "{}",
                state.key
            );
        }
        for node in &map.nodes {
            assert!(
                !node.states.is_empty(),
                "{:?} has no gallery state",
                node.screen
            );
            assert!(!node.title.is_empty(), "{:?}", node.screen);
        }
    }

    #[test]
    fn each_flow_step_is_an_arrow_labelled_with_its_answer() {
        let map = flow_map();
        let label = |from: &str, to: &str| {
            map.edges
                .iter()
                .find(|e| e.from == screen_at(from) && e.to == screen_at(to))
                .map(|e| e.label.clone())
        };
        use contract::route_table as rt;
        for (from, to, expected) in [
            (rt::REGISTRATION, rt::REGISTRATION_OTP, "submit · 201"),
            (rt::SIGN_IN, rt::SIGN_IN_OTP, "submit · 200"),
            (rt::SIGN_IN_OTP, rt::ACCOUNT, "right code · 200"),
            (rt::RESET_PASSWORD, rt::ACCOUNT, "new password · 200"),
            (
                rt::REGISTRATION_PASSWORD,
                rt::REGISTRATION_OTP,
                "401 invalid_token · verify again",
            ),
            (rt::RESET_OTP, rt::RESET, "404 not_found · start again"),
            (rt::HOME, rt::CHOOSE_METHOD, "“Đăng ký”"),
        ] {
            assert_eq!(label(from, to).as_deref(), Some(expected), "{from} → {to}");
        }
        assert!(route_at(rt::ACCOUNT).is_some());
        for edge in &map.edges {
            assert!(
                map.nodes.iter().any(|n| n.screen == edge.from),
                "{}",
                edge.label
            );
            assert!(
                map.nodes.iter().any(|n| n.screen == edge.to),
                "{}",
                edge.label
            );
        }
    }
}
