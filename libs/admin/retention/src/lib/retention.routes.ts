import type { Routes } from '@angular/router';
import { RetentionPage } from './retention.page';

/** Mounted at /retention, behind FeedbackManage (the API's permission for the review list). */
export const RETENTION_ROUTES: Routes = [
  { path: '', title: 'Record retention', component: RetentionPage },
];
