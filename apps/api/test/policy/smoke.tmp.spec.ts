import { startTestApp, type TestApp } from '../support/test-app';
import { loadDemoPolicies } from '../../src/demo/load-demo-policies';

describe('smoke', () => {
  it('times', async () => {
    let s = Date.now();
    const t = await startTestApp({ demo: false });
    console.log('boot no demo', Date.now() - s);
    await t.close();
    s = Date.now();
    const t2 = await startTestApp();
    console.log('boot demo', Date.now() - s);
    s = Date.now();
    await t2.db.run({ tenantPracticeId: null }, (uow) => uow.query('DELETE FROM practices WHERE false'));
    console.log('tx', Date.now() - s);
    await t2.close();
  });
});
