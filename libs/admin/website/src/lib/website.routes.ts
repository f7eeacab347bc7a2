import type { Routes } from '@angular/router';
import { WebsitePage } from './website.page';

export const WEBSITE_ROUTES: Routes = [{ path: '', title: 'Embed', component: WebsitePage }];
