import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ConfirmService } from './confirm-dialog';

describe('ConfirmService', () => {
  const buttons = () =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('.cdk-overlay-container button'));
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  afterEach(() => document.querySelector('.cdk-overlay-container')?.remove());

  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    }),
  );

  async function open() {
    const service = TestBed.inject(ConfirmService);
    const answer = service.confirm({
      title: 'Remove Jo?',
      message: 'Jo loses access.',
      confirmLabel: 'Remove Jo',
    });
    await settle();
    return answer;
  }

  it('shows an alert dialog with the title, message and a labelled confirm button', async () => {
    const answer = open();
    await settle();
    const dialog = document.querySelector('[role="alertdialog"]');
    expect(dialog).not.toBeNull();
    expect(dialog?.textContent).toContain('Remove Jo?');
    expect(dialog?.textContent).toContain('Jo loses access.');
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Cancel', 'Remove Jo']);
    buttons()[0].click();
    await expect(answer).resolves.toBe(false);
  });

  it('resolves true only when confirmed', async () => {
    const answer = open();
    await settle();
    buttons()[1].click();
    await expect(answer).resolves.toBe(true);
  });
});
