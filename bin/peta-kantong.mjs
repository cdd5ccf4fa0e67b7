#!/usr/bin/env node
// Launcher of the peta-kantong command-line tool: runs the TypeScript entry through tsx (a
// devDependency, so this works inside the repository after `npm install`) and exits with its code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/peta-kantong.ts');
// exitCode rather than process.exit(): output piped to a file or another program is flushed first.
process.exitCode = await main(process.argv.slice(2));
