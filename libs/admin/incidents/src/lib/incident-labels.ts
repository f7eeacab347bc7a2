import { INCIDENT_SEVERITY_LABELS } from '@parley/shared/domain';
import { IncidentPlatform, IncidentSeverity } from './generated/graphql';

/** In the order people meet them. */
export const PLATFORM_OPTIONS: readonly { value: IncidentPlatform; label: string }[] = [
  { value: IncidentPlatform.Facebook, label: 'Facebook' },
  { value: IncidentPlatform.X, label: 'X (Twitter)' },
  { value: IncidentPlatform.Instagram, label: 'Instagram' },
  { value: IncidentPlatform.Tiktok, label: 'TikTok' },
  { value: IncidentPlatform.Nextdoor, label: 'Nextdoor' },
  { value: IncidentPlatform.GoogleReviews, label: 'Google reviews' },
  { value: IncidentPlatform.Whatsapp, label: 'WhatsApp' },
  { value: IncidentPlatform.Other, label: 'Another platform' },
];

export function platformLabel(platform: IncidentPlatform): string {
  return PLATFORM_OPTIONS.find((o) => o.value === platform)?.label ?? platform;
}

/** Least serious first; the API names severities, the domain numbers them (1 to 4). */
export const SEVERITIES: readonly IncidentSeverity[] = [
  IncidentSeverity.Low,
  IncidentSeverity.Offensive,
  IncidentSeverity.Abusive,
  IncidentSeverity.Threatening,
];

export function severityLabel(severity: IncidentSeverity): string {
  return INCIDENT_SEVERITY_LABELS[(SEVERITIES.indexOf(severity) + 1) as 1 | 2 | 3 | 4];
}

/** Abusive and threatening posts stand out in lists. */
export function isSerious(severity: IncidentSeverity): boolean {
  return severity === IncidentSeverity.Abusive || severity === IncidentSeverity.Threatening;
}
