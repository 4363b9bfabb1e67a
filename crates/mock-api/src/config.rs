use clap::Parser;
use std::net::IpAddr;
use std::path::PathBuf;

/// The portal's mock back end. Defaults suit local development.
#[derive(Parser, Clone, Debug)]
#[command(name = "mock-api", version)]
pub struct Config {
    /// Port to listen on (0 picks a free one; the first stdout line names it).
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Also serve the built SPA from DIR, with index.html for unknown non-/api paths.
    #[arg(long, value_name = "DIR")]
    pub static_dir: Option<PathBuf>,
    /// Every captcha's answer is TEXT (automated tests and demos).
    #[arg(long, value_name = "TEXT")]
    pub captcha_answer: Option<String>,
    /// Seconds an OTP stays valid.
    #[arg(long, default_value_t = 300)]
    pub otp_ttl_s: u32,
    /// Seconds before "Gửi lại OTP" is allowed.
    #[arg(long, default_value_t = 60)]
    pub resend_after_s: u32,
    /// Registration attempts per client IP per 10 minutes; 0 turns the limit off.
    #[arg(long, default_value_t = contract::otp::DEFAULT_IP_LIMIT_PER_10_MIN)]
    pub ip_limit: u32,
    /// Keep accounts and flows under way in this SQLite database (created if missing), so a
    /// restart loses nothing. Without it (and without --state-file) data lives in memory.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// An older mock's JSON account list: its accounts are imported once into a database
    /// beside it (PATH with `.sqlite3`, unless --db names one), and it is never written.
    #[arg(long, value_name = "PATH")]
    pub state_file: Option<PathBuf>,
    /// Turn off /api/dev/* (outbox, clock, faults).
    #[arg(long)]
    pub no_dev: bool,
    /// Require HTTP Basic credentials on every path, static files and /api alike. Also read
    /// from PORTAL_BASIC_AUTH, which keeps the password out of shell history.
    #[arg(
        long,
        value_name = "USER:PASSWORD",
        env = "PORTAL_BASIC_AUTH",
        hide_env_values = true
    )]
    pub basic_auth: Option<BasicAuth>,
    /// Listen on a non-loopback --host without --basic-auth anyway: anyone who reaches it
    /// sees a prototype that looks like the real portal.
    #[arg(long)]
    pub allow_public: bool,
    /// Check the flags (a reachable --host needs --basic-auth or --allow-public) and exit: 0
    /// if the server would start, 2 with the reason if not.
    #[arg(long)]
    pub check: bool,
    /// Study mode (research sessions): facilitator pages at /__study behind --basic-auth,
    /// participants' links, events recorded in --db. Participants' accounts and flows stay
    /// in memory, a sandbox each.
    #[arg(long)]
    pub study: bool,
    /// The scenario a study task starts from (a participant's sandbox; never a flag).
    #[arg(skip)]
    pub scenario: Option<contract::study::Scenario>,
    /// Print nginx `add_header` lines with this server's security headers for --static-dir
    /// (its CSP allows exactly that build's inline scripts), then exit.
    #[arg(long, requires = "static_dir")]
    pub nginx_headers: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config::parse_from(["mock-api"])
    }
}

impl Config {
    /// Why this server must not start: a --host that others can reach, with no password
    /// and no --allow-public. One line, with how to set them.
    pub fn refusal(&self) -> Option<String> {
        if self.study && self.basic_auth.is_none() {
            return Some(
                "mock-api: --study needs the facilitator's credentials: set --basic-auth \
                 USER:PASSWORD (or PORTAL_BASIC_AUTH=USER:PASSWORD). Participants reach their \
                 sessions through their own links, without them."
                    .into(),
            );
        }
        (!self.host.is_loopback() && self.basic_auth.is_none() && !self.allow_public).then(|| {
            format!(
                "mock-api: refusing to listen on {} without a password: anyone who can reach it \
                 would see a prototype that looks like the real portal. Set --basic-auth \
                 USER:PASSWORD (or PORTAL_BASIC_AUTH=USER:PASSWORD), or pass --allow-public if \
                 you really mean it.",
                self.host
            )
        })
    }

    pub fn otp_policy(&self) -> contract::OtpPolicy {
        contract::OtpPolicy {
            ttl_s: self.otp_ttl_s,
            resend_after_s: self.resend_after_s,
            ..Default::default()
        }
    }
}

/// `USER:PASSWORD` for HTTP Basic. Its `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct BasicAuth {
    pub user: String,
    pub password: String,
}

impl std::str::FromStr for BasicAuth {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.split_once(':') {
            Some((user, password)) if !user.is_empty() && !password.is_empty() => Ok(BasicAuth {
                user: user.to_owned(),
                password: password.to_owned(),
            }),
            _ => Err("expected USER:PASSWORD, both non-empty".into()),
        }
    }
}

impl std::fmt::Debug for BasicAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BasicAuth({}:***)", self.user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_reachable_host_without_a_password_is_refused() {
        let with = |args: &[&str]| Config::parse_from(["mock-api"].iter().chain(args));
        assert_eq!(with(&[]).refusal(), None, "loopback");
        assert_eq!(with(&["--host", "::1"]).refusal(), None, "loopback");
        let refused = with(&["--host", "0.0.0.0"]).refusal().expect("refused");
        assert!(refused.contains("--basic-auth") && refused.contains("--allow-public"));
        assert_eq!(refused.lines().count(), 1);
        assert_eq!(
            with(&["--host", "0.0.0.0", "--basic-auth", "a:b"]).refusal(),
            None
        );
        assert_eq!(
            with(&["--host", "0.0.0.0", "--allow-public"]).refusal(),
            None
        );
    }

    #[test]
    fn credentials_parse_and_never_print_the_password() {
        let auth: BasicAuth = "designer:s3cret:with:colons".parse().unwrap();
        assert_eq!(auth.user, "designer");
        assert_eq!(auth.password, "s3cret:with:colons");
        assert!(!format!("{auth:?}").contains("s3cret"));
        for bad in ["", "nouser", ":pw", "user:"] {
            assert!(bad.parse::<BasicAuth>().is_err(), "{bad}");
        }
    }
}
