import type { Routes } from '@angular/router';
import { PeoplePage } from './people.page';

export const PEOPLE_ROUTES: Routes = [{ path: '', title: 'People', component: PeoplePage }];
