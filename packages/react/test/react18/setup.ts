// The React 18 project's first setup file. Vite's aliases only reach code Vite transforms; react-dom 18 and the
// CommonJS builds of our test dependencies are loaded by Node's require, which would find React 19 (pnpm links
// react-dom-18's `react` peer to the package's React 19). So bare React requests from CommonJS go to the same
// React 18 files as the aliases: one React instance in the test process, the one the project tests.
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const modules = JSON.parse(process.env.HC_REACT_MODULES ?? '{}') as Record<string, string>;
if (Object.keys(modules).length === 0) throw new Error('react18 setup: HC_REACT_MODULES is not set');
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function resolveReact18(this: unknown, request: string, ...rest: unknown[]) {
  return modules[request] ?? resolve.call(this, request, ...rest);
};
