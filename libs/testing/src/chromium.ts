/** Debian's Chromium, which the project installs with apt where missing (apps/cli/chromium.js). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How the browser tests and the web bench start it: headless in a sandbox-less container, no GPU, and
 * nothing that reaches out to the network by itself (on a closed network those attempts fail, many at a
 * time, and slow every start).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];
