import 'reflect-metadata';
import { ConfigError, loadParleyConfig } from '@parley/api/core';
import { createParleyApp } from './create-app';
import { loadDemoDataOnce } from './demo/load-demo-data';

async function main(): Promise<void> {
  const config = loadParleyConfig();
  const app = await createParleyApp(config);
  await loadDemoDataOnce(app, config);
  await app.listen(config.port, config.host);
  const url = config.publicUrl;
  // Plain stdout on purpose: this is what a person starting Parley reads.
  process.stdout.write(
    `\nParley is running at ${url}\n` +
      `  console   ${url}/\n  GraphQL   ${url}/graphql\n  health    ${url}/health\n` +
      (config.loadDemoData
        ? `  demo sign-ins (password "${config.demoPassword === 'parley-demo-password' ? 'parley-demo-password' : 'from PARLEY_DEMO_PASSWORD'}"):\n` +
          '    manager@wilmslow.demo, staff@wilmslow.demo, manager@trumpington.demo, staff@trumpington.demo,\n' +
          '    auditor@cheshire-merseyside.demo, auditor@cambridgeshire-peterborough.demo, admin@parley.demo\n'
        : '') +
      'Press Ctrl-C to stop.\n\n',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Parley failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
