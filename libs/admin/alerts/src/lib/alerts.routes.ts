import type { Routes } from '@angular/router';
import { AlertsPage } from './alerts.page';

/** Mounted at /alerts, behind AlertsRead; acknowledging needs AlertsAcknowledge. */
export const ALERTS_ROUTES: Routes = [{ path: '', title: 'Alerts', component: AlertsPage }];
