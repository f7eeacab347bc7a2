import type { Routes } from '@angular/router';
import {
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
import { InsightsLayoutComponent } from './insights-layout.component';
import { Ko41bPage } from './ko41b/ko41b.page';
import { IcbsStore } from './model/icbs.store';
import { PoliciesPage } from './policies/policies.page';
import { TrendsPage } from './trends/trends.page';

/** Mounted at /insights, behind InsightsRead (ICB auditors and platform admins). */
export const INSIGHTS_ROUTES: Routes = [
  {
    path: '',
    component: InsightsLayoutComponent,
    providers: [
      IcbsStore,
      // Only the Chart.js parts the insights charts use: lines over time, bars by practice and theme.
      provideCharts({
        registerables: [
          LineController,
          LineElement,
          PointElement,
          BarController,
          BarElement,
          CategoryScale,
          LinearScale,
          Tooltip,
        ],
      }),
    ],
    children: [
      { path: '', title: 'Insights', component: TrendsPage },
      { path: 'practices/:practiceId', title: 'Practice insights', component: TrendsPage },
      { path: 'ko41b', title: 'KO41(b) return', component: Ko41bPage },
      { path: 'policies', title: 'Policies across the ICB', component: PoliciesPage },
    ],
  },
];
