import type { GraphqlClient } from '@parley/admin/data-access';
import { firstValueFrom } from 'rxjs';
import {
  AddIncidentPatientDocument,
  type IncidentPatientFieldsFragment,
} from './generated/graphql';

/** The patient select's value for "a reference not in the list yet". */
export const NEW_PATIENT = '__new__';

/** A practice reference never looks like an NHS number (ten digits): the API refuses those too. */
const NHS_NUMBER_LIKE = /\d{3}[\s-]*\d{3}[\s-]*\d{4}/;

export function patientLabelProblem(label: string): string | null {
  const trimmed = label.trim();
  if (!trimmed) return 'Enter the practice reference for the patient.';
  if (trimmed.length > 60) return 'Keep the reference under 60 characters.';
  if (NHS_NUMBER_LIKE.test(trimmed))
    return 'That looks like an NHS number: use a practice reference (e.g. P-0042) instead.';
  return null;
}

/** Adds a patient reference to the practice's list. */
export async function addPatient(
  client: GraphqlClient,
  label: string,
): Promise<IncidentPatientFieldsFragment> {
  const { addIncidentPatient } = await firstValueFrom(
    client.request(AddIncidentPatientDocument, { input: { label: label.trim() } }),
  );
  return addIncidentPatient;
}
