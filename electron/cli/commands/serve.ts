import { startBrowserHost } from '../../host/browser-host';
import { helpText, numberOption, parseCommand, requireOption, serveUntilStopped, type CommandSpec } from '../args';

const spec = {
  name: 'serve',
  summary: 'serve the app to a browser (review on a machine without RigSolve)',
  usage: 'rigsolve serve --project FILE [--allow DIR]... [--port N] [--host ADDR] [--review] [--models DIR] [--json]',
  options: {
    project: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    review: { type: 'boolean' },
    models: { type: 'string' },
    allow: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
  help: {
    '--project FILE': 'project file (created if missing)',
    '--allow DIR': 'a folder the browser may import from, export to or open projects in, besides the project’s own (repeatable)',
    '--port N': 'port (default: a free one)',
    '--host ADDR': 'address to listen on (default 127.0.0.1; 0.0.0.0 opens it to your network deliberately)',
    '--review': 'read-only review: edits, imports and file browsing refused by the API',
    '--models DIR': 'your models folder (ONNX + manifest), listed beside the bundled ones',
    '--json': 'print {url, token} as JSON',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>;

export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const projectPath = requireOption(values.project as string | undefined, '--project', spec.name);
  const bind = (values.host as string | undefined) ?? '127.0.0.1';
  const host = await startBrowserHost({
    projectPath,
    port: numberOption(values.port as string | undefined, '--port') ?? 0,
    host: bind,
    readOnly: Boolean(values.review),
    userModelsDir: (values.models as string | undefined) ?? null,
    allowedDirs: (values.allow as string[] | undefined) ?? [],
  });
  const folders = host.context.fileScope?.roots ?? [];
  if (values.json) console.log(JSON.stringify({ url: host.url, token: host.token, folders }));
  else {
    console.log(`RigSolve is serving ${projectPath}${values.review ? ' (read-only review)' : ''}`);
    if (!values.review) console.log(`files: only in ${folders.join(', ')} (add a folder with --allow DIR)`);
    console.log(`open: ${host.url}`);
    if (bind !== '127.0.0.1' && bind !== 'localhost') console.log('warning: reachable from your network; anyone with this URL (it holds the token) can use it');
    console.log('stop with Ctrl+C');
  }
  return serveUntilStopped(host);
}
