'use strict';
// Command-line tools the test suites use, installed with the machine's package manager where missing:
// pdftotext (poppler-utils) reads letters' text layer the way copying and screen readers do.
const { spawnSync } = require('node:child_process');

const TOOLS = [{ command: 'pdftotext', args: ['-v'], aptPackage: 'poppler-utils' }];

const works = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60000 });
  return !r.error && r.status === 0;
};

function aptInstall(pkg) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0 || !works('apt-get', ['--version']))
    return false;
  console.log(`Installing ${pkg} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env }).status === 0;
  if (install()) return true;
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return install();
}

function ensureTools() {
  for (const tool of TOOLS) {
    if (works(tool.command, tool.args)) continue;
    if (aptInstall(tool.aptPackage) && works(tool.command, tool.args)) continue;
    console.error(
      `${tool.command} is missing: install ${tool.aptPackage} (e.g. "apt-get install ${tool.aptPackage}").`,
    );
    process.exit(1);
  }
}

module.exports = { ensureTools };
