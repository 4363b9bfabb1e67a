//! The production-serving smoke run: the release `dist/` under Debian's nginx with the
//! checked-in `deploy/nginx.conf`, proxying /api to a mock API.

use crate::root;
use crate::run::probe;
use crate::serve::Supervised;
use crate::toolchain::{NGINX, NGINX_BROTLI_MODULE};
use anyhow::{bail, Context, Result};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Nginx {
    _process: Supervised,
    pub url: String,
}

/// The smoke test's HTTP Basic pair (nginx's `{PLAIN}` scheme in a file under target/).
pub const CREDENTIALS: (&str, &str) = ("prototype", "smoke-test-password");

/// `deploy/nginx.conf` with this machine's paths and ports in place of the deploy defaults.
fn site_config(
    dist: &str,
    port: u16,
    api_url: &str,
    headers: &str,
    htpasswd: &str,
) -> Result<String> {
    let mut site = std::fs::read_to_string(root().join("deploy/nginx.conf"))?;
    for (from, to) in [
        ("listen 80;", format!("listen 127.0.0.1:{port};")),
        ("/srv/portal/dist", dist.to_owned()),
        ("http://127.0.0.1:8787", api_url.to_owned()),
        ("/etc/nginx/portal-headers.conf", headers.to_owned()),
        ("/etc/nginx/portal.htpasswd", htpasswd.to_owned()),
    ] {
        if !site.contains(from) {
            bail!("deploy/nginx.conf no longer contains {from:?}; update xtask/src/nginx.rs");
        }
        site = site.replace(from, &to);
    }
    Ok(site)
}

pub fn start(api_url: &str) -> Result<Nginx> {
    let dir = root().join("target/nginx");
    for sub in [
        "tmp/body",
        "tmp/proxy",
        "tmp/fastcgi",
        "tmp/uwsgi",
        "tmp/scgi",
    ] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    let dist = root().join("dist");
    let headers = probe(
        &root().join("target/debug/mock-api").to_string_lossy(),
        &["--static-dir", &dist.to_string_lossy(), "--nginx-headers"],
    )
    .context("mock-api --nginx-headers")?;
    let headers_path = dir.join("portal-headers.conf");
    std::fs::write(&headers_path, headers + "\n")?;
    let htpasswd = dir.join("htpasswd");
    let (user, password) = CREDENTIALS;
    std::fs::write(&htpasswd, format!("{user}:{{PLAIN}}{password}\n"))?;
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let site = site_config(
        &dist.to_string_lossy(),
        port,
        api_url,
        &headers_path.to_string_lossy(),
        &htpasswd.to_string_lossy(),
    )?;
    std::fs::write(dir.join("site.conf"), site)?;
    let d = dir.display();
    let main = format!(
        "load_module {NGINX_BROTLI_MODULE};\n\
         daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log stderr warn;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n\
         access_log off;\n  client_body_temp_path {d}/tmp/body;\n  proxy_temp_path {d}/tmp/proxy;\n\
         fastcgi_temp_path {d}/tmp/fastcgi;\n  uwsgi_temp_path {d}/tmp/uwsgi;\n\
         scgi_temp_path {d}/tmp/scgi;\n  include {d}/site.conf;\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), main)?;
    let mut c = Command::new(NGINX);
    c.args(["-e", "stderr", "-p"])
        .arg(&dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"));
    let process = Supervised::spawn("nginx", c)?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            bail!("nginx did not listen on {port} within 10 s (see its stderr above)");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(Nginx {
        _process: process,
        url: format!("http://127.0.0.1:{port}"),
    })
}

#[cfg(test)]
mod tests {
    use super::site_config;

    #[test]
    fn the_checked_in_config_takes_this_machines_paths_and_ports() {
        let site = site_config(
            "/tmp/dist",
            4321,
            "http://127.0.0.1:9999",
            "/tmp/h.conf",
            "/tmp/htpasswd",
        )
        .unwrap();
        assert!(site.contains("auth_basic_user_file /tmp/htpasswd;"));
        assert!(site.contains("listen 127.0.0.1:4321;"));
        assert!(site.contains("root /tmp/dist;"));
        assert!(site.contains("proxy_pass http://127.0.0.1:9999;"));
        assert_eq!(
            site.matches("include /tmp/h.conf;").count(),
            4,
            "every location"
        );
        assert!(!site.contains("/srv/portal") && !site.contains("/etc/nginx/portal"));
    }
}
