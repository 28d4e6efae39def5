import { join } from 'node:path';
import { startupProject } from '../../demo/demo-project';
import { startBrowserHost } from '../../host/browser-host';
import { defaultUserDataDir, writeAppSettings } from '../../project/settings';
import { helpText, numberOption, parseCommand, serveUntilStopped, type CommandSpec } from '../args';

const spec = {
  name: 'app',
  summary: 'start the app in a browser: the last project, or the demo project on first run',
  usage: 'rigsolve app [--port N] [--user-data DIR]',
  options: { port: { type: 'string' }, 'user-data': { type: 'string' } },
  help: { '--port N': 'port (default: a free one)', '--user-data DIR': 'settings and demo folder (default ~/.config/RigSolve)' },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export async function runApp(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const userData = (values['user-data'] as string | undefined) ?? defaultUserDataDir();
  const projectPath = await startupProject(userData, (l) => console.log(l));
  // The user's models live beside the settings, as under Electron (userData/models).
  const host = await startBrowserHost({
    projectPath,
    port: numberOption(values.port as string | undefined, '--port') ?? 0,
    userModelsDir: join(userData, 'models'),
    // The user's own app on loopback, as the Electron app: every folder, like a native dialog.
    allowedDirs: 'all',
  });
  host.context.onEvent((event) => {
    const s = host.context.session();
    if (event === 'shots.changed' && s) void writeAppSettings(userData, { lastProject: s.path });
  });
  console.log(`RigSolve: ${projectPath}`);
  console.log(`open: ${host.url}`);
  console.log('stop with Ctrl+C');
  return serveUntilStopped(host);
}
