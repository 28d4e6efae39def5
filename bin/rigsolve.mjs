#!/usr/bin/env node
// `npx rigsolve …`: runs the TypeScript CLI through tsx, so no build step is needed after npm install.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli.ts');
