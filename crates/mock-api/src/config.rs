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
    /// Keep accounts in this JSON file across restarts (written atomically).
    #[arg(long, value_name = "PATH")]
    pub state_file: Option<PathBuf>,
    /// Turn off /api/dev/* (outbox, clock, faults).
    #[arg(long)]
    pub no_dev: bool,
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
    pub fn otp_policy(&self) -> contract::OtpPolicy {
        contract::OtpPolicy {
            ttl_s: self.otp_ttl_s,
            resend_after_s: self.resend_after_s,
            ..Default::default()
        }
    }
}
