import type { Routes } from '@angular/router';
import { permissionGuard } from '@parley/admin/data-access';
import { Permission } from '@parley/shared/domain';
import { FftPage } from './fft/fft.page';
import { ImportPage } from './import/import.page';
import { InboxPage } from './inbox/inbox.page';
import { ItemPage } from './item/item.page';
import { NewItemPage } from './new-item/new-item.page';

/** Mounted at /feedback, behind FeedbackRead; logging and importing need more. */
export const FEEDBACK_ROUTES: Routes = [
  { path: '', title: 'Feedback', component: InboxPage },
  {
    path: 'new',
    title: 'Log feedback',
    canActivate: [permissionGuard],
    data: { permission: Permission.FeedbackLog },
    component: NewItemPage,
  },
  { path: 'fft', title: 'Friends and Family Test', component: FftPage },
  {
    path: 'import',
    title: 'Import complaints',
    canActivate: [permissionGuard],
    data: { permission: Permission.FeedbackManage },
    component: ImportPage,
  },
  { path: ':id', title: 'Feedback item', component: ItemPage },
];
