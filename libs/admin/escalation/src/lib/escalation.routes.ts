import type { Routes } from '@angular/router';
import { permissionGuard } from '@parley/admin/data-access';
import { Permission } from '@parley/shared/domain';
import { EditSettingsPage } from './edit/edit-settings.page';
import { EscalationPage } from './escalation.page';

/** Mounted at /escalation, behind EscalationRead; changing the settings is for managers. */
export const ESCALATION_ROUTES: Routes = [
  { path: '', title: 'Escalation', component: EscalationPage },
  {
    path: 'edit',
    title: 'Change the escalation settings',
    canActivate: [permissionGuard],
    data: { permission: Permission.EscalationManage },
    component: EditSettingsPage,
  },
];
