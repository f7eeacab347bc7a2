import { TextFieldModule } from '@angular/cdk/text-field';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { POLICY_LIMITS } from '@parley/shared/policy-render';
import { PolicyBlockType } from './generated/graphql';
import { MarkupHelpComponent } from './markup-help.component';
import {
  BLOCK_TYPES,
  type BlockForm,
  blockForm,
  blockTypeInfo,
  type PolicyForm,
} from './policy-form';

let nextBlockId = 0;

/**
 * The wording of a draft: title, effective date and the ordered blocks, each with its own
 * field, move and remove buttons. Works on the page's form; the page saves it.
 */
@Component({
  selector: 'parley-policy-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TextFieldModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MarkupHelpComponent,
  ],
  templateUrl: './policy-editor.component.html',
  styleUrl: './policy-editor.component.css',
})
export class PolicyEditorComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly ids = new WeakMap<BlockForm, string>();

  readonly form = input.required<PolicyForm>();
  readonly practiceName = input.required<string>();

  protected readonly blockTypes = BLOCK_TYPES;
  protected readonly info = blockTypeInfo;
  protected readonly limits = POLICY_LIMITS;
  protected readonly newType = new FormControl(PolicyBlockType.Paragraph, { nonNullable: true });
  protected readonly status = signal('');

  /** A stable id per block, for labels and for putting focus back after a move. */
  protected idOf(block: BlockForm): string {
    let id = this.ids.get(block);
    if (!id) {
      id = `policy-block-${nextBlockId++}`;
      this.ids.set(block, id);
    }
    return id;
  }

  protected add(): void {
    const blocks = this.form().controls.blocks;
    if (blocks.length >= POLICY_LIMITS.blocks) return;
    const block = blockForm(this.newType.value);
    blocks.push(block);
    blocks.markAsDirty();
    this.status.set(
      `${blockTypeInfo(block.controls.type.value).name} added as block ${blocks.length}.`,
    );
    this.focus(`${this.idOf(block)}-text`);
  }

  protected remove(index: number): void {
    const blocks = this.form().controls.blocks;
    const removed = blocks.at(index);
    blocks.removeAt(index);
    blocks.markAsDirty();
    this.status.set(
      `Block ${index + 1} (${blockTypeInfo(removed.controls.type.value).name.toLowerCase()}) removed.`,
    );
    const next = blocks.at(Math.min(index, blocks.length - 1));
    this.focus(next ? `${this.idOf(next)}-remove` : 'policy-new-block-type');
  }

  protected move(index: number, step: -1 | 1): void {
    const blocks = this.form().controls.blocks;
    const to = index + step;
    if (to < 0 || to >= blocks.length) return;
    const block = blocks.at(index);
    blocks.removeAt(index, { emitEvent: false });
    blocks.insert(to, block);
    blocks.markAsDirty();
    this.status.set(`Block moved to position ${to + 1} of ${blocks.length}.`);
    const atEnd = step < 0 ? to === 0 : to === blocks.length - 1;
    this.focus(`${this.idOf(block)}-${step < 0 !== atEnd ? 'up' : 'down'}`);
  }

  private focus(id: string): void {
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus(),
      {
        injector: this.injector,
      },
    );
  }
}
