// The renderer's Content Security Policy, in one place: renderer/index.html carries it as a meta tag
// (so the browser host's page has it too) and the rigsolve:// protocol sends it as a header, where
// frame-ancestors also works (browsers ignore that directive in a meta tag). A test keeps the two equal.
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  // wasm-unsafe-eval: the preview's meshoptimizer compiles WebAssembly; string eval stays forbidden.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // React sets style attributes inline.
  ['style-src', "'self' 'unsafe-inline'"],
  // rigsolve: is the Electron frame protocol; blob:/data: are decoded plates and small inline icons.
  ['img-src', "'self' rigsolve: blob: data:"],
  // 'self' also covers the browser host's same-origin WebSocket (ws/wss) under CSP3.
  ['connect-src', "'self' rigsolve:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

const join = (directives: readonly (readonly [string, string])[]): string => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as renderer/index.html's meta tag states it. */
export const RENDERER_CSP = join(DIRECTIVES);
/** The policy as the rigsolve:// protocol sends it: the meta policy plus frame-ancestors, which only a header can carry. */
export const RENDERER_CSP_HEADER = join([...DIRECTIVES, ['frame-ancestors', "'none'"]]);
