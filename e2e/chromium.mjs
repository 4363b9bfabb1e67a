// How every browser here is launched: Debian's Chromium, as root (no sandbox), with nothing
// in the background that talks to the network. The Playwright config and the gallery script
// share it.
export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run',
  ],
};
