use clap::Parser;
use mock_api::clock::Clock;
use mock_api::config::Config;
use mock_api::{app, open_db, study, study_app, AppState};
use std::net::SocketAddr;
use tracing_subscriber::EnvFilter;

/// Each password hash takes Argon2's working memory (tens of MiB) for a moment. glibc's
/// adaptive mmap threshold would soon serve such blocks from the heap and keep them after
/// they are freed, so resident memory would climb to a gigabyte under load; a fixed
/// threshold keeps them mapped, and returned, every time.
fn return_large_blocks_to_the_os() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: called first in `main`, before the runtime starts any thread; it only sets a
    // malloc tunable.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

fn main() {
    return_large_blocks_to_the_os();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts");
    runtime.block_on(serve());
}

async fn serve() {
    let config = Config::parse();
    if let (true, Some(dir)) = (config.nginx_headers, &config.static_dir) {
        print!("{}", mock_api::static_site::nginx_headers(dir));
        return;
    }
    if let Some(refusal) = config.refusal() {
        eprintln!("{refusal}");
        std::process::exit(2);
    }
    if config.check {
        return;
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let db = match open_db(&config) {
        Ok(db) => db,
        Err(e) => {
            eprintln!("mock-api: {e}");
            std::process::exit(2);
        }
    };
    match db.path() {
        Some(path) => tracing::info!("keeping data in {}", path.display()),
        None => {
            tracing::info!("data in memory only: gone when this process ends (--db PATH keeps it)")
        }
    }
    let addr = SocketAddr::new(config.host, config.port);
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mock-api: cannot listen on {addr}: {e}");
            std::process::exit(2);
        }
    };
    let bound = listener.local_addr().unwrap_or(addr);
    if config.no_dev {
        tracing::info!("dev endpoints off (--no-dev)");
    }
    let router = if config.study {
        // The file keeps the studies; the facilitator's own prototype lives in memory, as
        // each participant's does.
        let base = AppState::new(config, Clock::system(), mock_api::in_memory_db());
        tracing::info!("study mode: the facilitator's pages are at http://{bound}/__study");
        study_app(study::Studies::new(db, base))
    } else {
        app(AppState::new(config, Clock::system(), db))
    };
    // The first stdout line: `cargo xtask` reads the port from it.
    println!("listening on http://{bound}");
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    let shutdown = async {
        let ctrl_c = tokio::signal::ctrl_c();
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("installing a SIGTERM handler");
        tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
    };
    if let Err(e) = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("mock-api: {e}");
        std::process::exit(1);
    }
}
