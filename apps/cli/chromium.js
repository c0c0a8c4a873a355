'use strict';
// The browser tests drive Debian's Chromium (/usr/bin/chromium), never a browser downloaded by a test
// tool. Where it is missing and we may use apt (root), it is installed here; otherwise the message says
// what to install.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `${CHROMIUM} saknas. Installera Debians chromium (apt-get install -y chromium) eller sätt CHROMIUM_PATH.`,
    );
    return false;
  }
  console.log('Installerar Debians chromium (apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  return r.status === 0 && existsSync(CHROMIUM);
}

module.exports = { ensureChromium, CHROMIUM };
