import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();

// Pages with Material forms take a while to render the first time on a busy machine.
jest.setTimeout(30_000);
