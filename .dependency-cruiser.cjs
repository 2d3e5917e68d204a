/**
 * Import boundaries from the architecture (docs/ARCHITECTURE.md):
 *   protocol <- connect <- react <- apps/demo;  protocol <- server;  protocol <- sandbox.
 * `server` may use `sandbox` in tests only. Browser packages never import Node built-ins.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const browser = '^(packages/(protocol|connect|react)|apps/demo)/src/';
const isTest = '\\.(test|spec)\\.tsx?$|/test/';

module.exports = {
  forbidden: [
    {
      name: 'protocol-imports-nothing',
      comment: 'protocol is the contract: types and constants only, no dependency of any kind.',
      severity: 'error',
      from: { path: '^packages/protocol/src/', pathNot: isTest },
      to: { pathNot: '^packages/protocol/src/' },
    },
    {
      name: 'browser-no-node',
      comment: 'Browser packages run in the page: no Node built-ins.',
      severity: 'error',
      from: { path: browser, pathNot: isTest },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'connect-only-protocol',
      severity: 'error',
      from: { path: '^packages/connect/src/' },
      to: { path: '^packages/(react|server|sandbox)/' },
    },
    {
      name: 'react-no-backend',
      severity: 'error',
      from: { path: '^packages/react/src/', pathNot: isTest },
      to: { path: '^packages/(server|sandbox)/' },
    },
    {
      name: 'server-sandbox-in-tests-only',
      comment: 'The server talks to Harvest over HTTP; the sandbox is only a test double for Harvest.',
      severity: 'error',
      from: { path: '^packages/server/src/', pathNot: isTest },
      to: { path: '^packages/sandbox/' },
    },
    {
      name: 'sandbox-independent',
      severity: 'error',
      from: { path: '^packages/sandbox/src/' },
      to: { path: '^packages/(connect|react|server)/' },
    },
    {
      name: 'no-browser-into-backend',
      severity: 'error',
      from: { path: '^packages/(server|sandbox)/src/' },
      to: { path: '^packages/(connect|react)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
