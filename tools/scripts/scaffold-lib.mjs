#!/usr/bin/env node
// Creates the boilerplate of one Nx library (project.json, tsconfigs, jest config, index.ts)
// and registers its import path in tsconfig.base.json. Usage:
//   node tools/scripts/scaffold-lib.mjs <dir under libs/> <scope> <type> [node|angular]
// e.g. node tools/scripts/scaffold-lib.mjs api/channels api feature node
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, scope, type, flavour = 'node'] = process.argv.slice(2);
if (!dir || !scope || !type) {
  console.error('usage: scaffold-lib.mjs <dir under libs/> <scope> <type> [node|angular]');
  process.exit(2);
}
const root = join('libs', dir);
const name = dir.replaceAll('/', '-');
const importPath = `@parley/${dir}`;
const up =
  dir
    .split('/')
    .map(() => '..')
    .join('/') + '/..';
if (existsSync(join(root, 'project.json'))) {
  console.error(`${root} already exists`);
  process.exit(1);
}
mkdirSync(join(root, 'src'), { recursive: true });
const write = (file, content) => writeFileSync(join(root, file), content);
const json = (value) => JSON.stringify(value, null, 2) + '\n';

write(
  'project.json',
  json({
    name,
    $schema: `${up}/node_modules/nx/schemas/project-schema.json`,
    sourceRoot: `${root}/src`,
    projectType: 'library',
    tags: [`scope:${scope}`, `type:${type}`],
    targets: { typecheck: {} },
  }),
);
write(
  'tsconfig.json',
  json({
    extends: `${up}/tsconfig.base.json`,
    files: [],
    include: [],
    references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }],
  }),
);
const angular = flavour === 'angular';
write(
  'tsconfig.lib.json',
  json({
    extends: './tsconfig.json',
    compilerOptions: { outDir: `${up}/dist/out-tsc`, types: angular ? [] : ['node'] },
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.spec.ts', 'src/test-setup.ts'],
  }),
);
write(
  'tsconfig.spec.json',
  json({
    extends: './tsconfig.json',
    compilerOptions: {
      outDir: `${up}/dist/out-tsc`,
      module: 'commonjs',
      types: ['jest', 'node'],
      ...(angular ? {} : { isolatedModules: true }),
    },
    include: ['src/**/*.spec.ts', 'src/**/*.d.ts', 'src/test-setup.ts'],
  }),
);
write(
  'jest.config.cjs',
  angular
    ? `module.exports = require('${up}/jest.preset.angular.cjs')(__dirname, '${name}');\n`
    : `module.exports = require('${up}/jest.preset.node.cjs')(__dirname, '${name}');\n`,
);
if (angular) {
  write(
    'src/test-setup.ts',
    `import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';\n\nsetupZonelessTestEnv();\n`,
  );
}
if (!existsSync(join(root, 'src/index.ts'))) write('src/index.ts', 'export {};\n');

const base = JSON.parse(readFileSync('tsconfig.base.json', 'utf8'));
base.compilerOptions.paths[importPath] = [`${root}/src/index.ts`];
base.compilerOptions.paths = Object.fromEntries(
  Object.entries(base.compilerOptions.paths).sort(([a], [b]) => a.localeCompare(b)),
);
writeFileSync('tsconfig.base.json', json(base));
console.log(`created ${root} as ${name} (${importPath})`);
