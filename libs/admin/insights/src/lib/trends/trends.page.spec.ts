import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { londonDateOf } from '@parley/shared/domain';
import { of, throwError } from 'rxjs';
import { FakeClient, settle } from '../../testing/fake-client';
import { CHESHIRE, ICBS, MARK, trendsFixture } from '../../testing/fixtures';
import { InsightsIcbsDocument, InsightsTrendsDocument } from '../generated/graphql';
import { INSIGHTS_ROUTES } from '../insights.routes';
import { rangeOptions } from '../model/filters';
import { ChartComponent } from '../ui/chart.component';

describe('TrendsPage', () => {
  let client: FakeClient;
  let el: HTMLElement;

  async function open(url: string): Promise<void> {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'insights', children: INSIGHTS_ROUTES }],
          withComponentInputBinding(),
        ),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    // jsdom has no canvas: the chart stands in as the image it is to assistive technology.
    TestBed.overrideComponent(ChartComponent, {
      set: {
        imports: [],
        template: '<canvas role="img" [attr.aria-label]="chart().summary"></canvas>',
      },
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.auditor());
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    el = harness.routeNativeElement as HTMLElement;
    await settle(harness.fixture);
  }
  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';
  const table = (heading: string) => {
    const id = Array.from(el.querySelectorAll('h3')).find(
      (h) => h.textContent?.trim() === heading,
    )?.id;
    return el.querySelector(`[aria-labelledby="${id}"] table`) as HTMLTableElement;
  };
  /** A cell as assistive technology reads it: without what is aria-hidden, pieces apart. */
  const spoken = (cell: Element) => {
    const texts: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
      node.childNodes.forEach(walk);
    };
    walk(cell);
    return texts.join(' ').replace(/\s+/g, ' ').trim();
  };
  const cells = (t: HTMLTableElement) =>
    Array.from(t.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map(spoken),
    );

  beforeEach(() => {
    client = new FakeClient();
    client.answer(InsightsIcbsDocument, () => of({ insightsIcbs: ICBS }));
  });

  it('shows the ICB’s practices side by side, hidden figures marked, each linked to its own trends', async () => {
    client.answer(InsightsTrendsDocument, () => of({ insightsTrends: trendsFixture() }));
    await open('/insights');

    const lastYear = rangeOptions(londonDateOf(new Date()))[0]!;
    expect(client.variablesOf(InsightsTrendsDocument)).toEqual([
      {
        icbId: 'icb-cheshire',
        period: 'MONTH',
        from: lastYear.from,
        to: lastYear.to,
        practiceId: null,
      },
    ]);
    expect(el.querySelector('h1')?.textContent).toBe('Insights');
    expect(text()).toContain('practices of NHS Cheshire and Merseyside ICB');
    expect(text()).toContain(`${MARK}: not shown, to protect privacy.`);

    expect(cells(table('Practices compared'))).toEqual([
      [
        'Wilmslow Health Centre',
        '14,200',
        '18',
        '9',
        '9',
        '2.54',
        '50%',
        '50% acknowledged within 3 working days: below the ICB’s minimum of 90%.',
      ],
      [
        'Riverside Surgery (demo)',
        '8,100',
        'not shown',
        'not shown',
        '0',
        'not shown',
        'not shown',
        'Complaint rate not assessed: the count is not shown. Acknowledgement not assessed: the counts are not shown.',
      ],
    ]);
    const link = el.querySelector('a[href^="/insights/practices/p-wilmslow"]');
    expect(link?.textContent?.trim()).toBe('Wilmslow Health Centre');

    // Every chart is an image with a summary, and its figures are in a table.
    const charts = Array.from(el.querySelectorAll('canvas[role="img"]'));
    expect(charts.map((c) => c.getAttribute('aria-label')?.split('.')[0])).toEqual([
      'Line chart: complaints per 1,000 registered patients per year, by quarter',
      'Line chart: complaints acknowledged within 3 working days, by quarter',
      'Bar chart: complaints per 1,000 registered patients per year, by practice',
      'Bar chart: complaints by subject area, over the whole range',
    ]);
    expect(cells(table('Complaints by period'))[1]).toEqual([
      'Q2 2025-26 (Jul–Sep 2025)',
      'not shown',
      'not shown',
      'not shown',
    ]);
    expect(cells(table('Complaints by subject area'))).toEqual([
      ['Clinical treatment', '7', '8', '15'],
      ['Communication', 'not shown', '0', 'not shown'],
    ]);
    // The marker is for the eye (with a tooltip); assistive technology hears "not shown".
    const marker = el.querySelector('.withheld');
    expect(marker?.textContent?.trim()).toBe(MARK);
    expect(marker?.getAttribute('aria-hidden')).toBe('true');
    expect(marker?.getAttribute('title')).toBe('Not shown, to protect privacy');
  });

  it('drills down to one practice’s aggregates, with no comparison and no thresholds form', async () => {
    const [wilmslow] = trendsFixture().practices;
    client.answer(InsightsTrendsDocument, () =>
      of({
        insightsTrends: trendsFixture({
          practice: wilmslow!.practice,
          practices: [wilmslow!],
          registeredPatients: 14200,
        }),
      }),
    );
    await open('/insights/practices/p-wilmslow?period=QUARTER&range=2025-26');

    expect(client.variablesOf(InsightsTrendsDocument)).toEqual([
      {
        icbId: 'icb-cheshire',
        period: 'QUARTER',
        from: '2025-04-01',
        to: '2026-03-31',
        practiceId: 'p-wilmslow',
      },
    ]);
    expect(el.querySelector('h1')?.textContent).toBe('Wilmslow Health Centre');
    expect(text()).toContain('Flagged: 50% acknowledged within 3 working days');
    expect(el.querySelector('parley-insights-practice-comparison')).toBeNull();
    expect(el.querySelector('parley-insights-thresholds')).toBeNull();
    // A way to its KO41(b) return, never to an item.
    const ko41b = Array.from(el.querySelectorAll('a')).find((a) =>
      a.textContent?.includes('KO41(b) return of this practice'),
    );
    expect(ko41b?.getAttribute('href')).toBe(
      '/insights/ko41b?icb=icb-cheshire&practice=p-wilmslow',
    );
    expect(el.querySelector('a[href*="/feedback"]')).toBeNull();
  });

  it('a practice of another ICB is refused by the API, and nothing is shown', async () => {
    client.answer(InsightsTrendsDocument, () =>
      throwError(() => new ApiError('NOT_FOUND', 'The practice was not found.')),
    );
    await open('/insights/practices/p-elsewhere');
    const alerts = Array.from(el.querySelectorAll('[role="alert"]')).map((a) =>
      a.textContent?.trim(),
    );
    expect(alerts).toContain('The practice was not found.');
    expect(el.querySelector('table')).toBeNull();
  });

  it('offers an ICB picker to people who review more than one ICB', async () => {
    client.answer(InsightsIcbsDocument, () =>
      of({
        insightsIcbs: [
          ...ICBS,
          { ...CHESHIRE, id: 'icb-cambridge', name: 'NHS Cambridgeshire and Peterborough ICB' },
        ],
      }),
    );
    client.answer(InsightsTrendsDocument, () => of({ insightsTrends: trendsFixture() }));
    await open('/insights?icb=icb-cambridge');
    expect(el.querySelector('mat-select')?.textContent).toContain(
      'NHS Cambridgeshire and Peterborough ICB',
    );
    expect(client.variablesOf(InsightsTrendsDocument)).toEqual([
      expect.objectContaining({ icbId: 'icb-cambridge' }),
    ]);
  });
});
