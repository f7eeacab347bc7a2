import type { Routes } from '@angular/router';
import { permissionGuard } from '@parley/admin/data-access';
import { Permission } from '@parley/shared/domain';
import { IncidentPage } from './detail/incident.page';
import { IncidentsPage } from './list/incidents.page';
import { NewIncidentPage } from './new/new-incident.page';

/** Mounted at /incidents, behind IncidentsRead; logging needs IncidentsLog. */
export const INCIDENTS_ROUTES: Routes = [
  { path: '', title: 'Incidents', component: IncidentsPage },
  {
    path: 'new',
    title: 'Log an incident',
    canActivate: [permissionGuard],
    data: { permission: Permission.IncidentsLog },
    component: NewIncidentPage,
  },
  { path: ':id', title: 'Incident', component: IncidentPage },
];
