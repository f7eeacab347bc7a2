import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { CopyFieldComponent } from './copy-field.component';

describe('CopyFieldComponent', () => {
  it('shows the value read-only with its label and copies it', async () => {
    const copy = jest.fn().mockReturnValue(true);
    TestBed.configureTestingModule({ providers: [{ provide: Clipboard, useValue: { copy } }] });
    const fixture = TestBed.createComponent(CopyFieldComponent);
    fixture.componentRef.setInput('label', 'Invitation link');
    fixture.componentRef.setInput('value', 'https://parley.example/invitations/abc');
    await fixture.whenStable();

    const el: HTMLElement = fixture.nativeElement;
    const input = el.querySelector('input') as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    expect(input.value).toBe('https://parley.example/invitations/abc');
    expect(el.querySelector(`label[for="${input.id}"]`)?.textContent).toContain('Invitation link');

    (el.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(copy).toHaveBeenCalledWith('https://parley.example/invitations/abc');
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Copied');
  });
});
