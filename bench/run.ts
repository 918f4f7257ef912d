// `npm run bench`: every performance figure of the project, one JSON line per figure.
// `--quick` shrinks the data and runs once, to prove the suite works (CI); its timings mean nothing.
// The areas live in their own modules (render, sizes, browser); only this file builds and runs them.
import { execSync } from 'node:child_process';
import { browserFigures } from './browser';
import { renderFigures } from './render';
import { sizeFigures } from './sizes';
import { teamFigures } from './team';

execSync('npx wxt build && npx wxt zip && npx wxt build --mode e2e', { stdio: 'ignore' });
renderFigures();
sizeFigures();
await browserFigures();
await teamFigures();
// A long poll of the changes feed cut by closing the team server leaves PouchDB Server's heartbeat timer
// running (measured: the process never ends); every figure is out by now, so the bench ends here.
process.exit(0);
