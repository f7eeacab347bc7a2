import { Inject, Injectable, Logger } from '@nestjs/common';
import { PARLEY_CONFIG, type ParleyConfig } from '@parley/api/core';
import { createTransport, type Transporter } from 'nodemailer';

/** Sends email through SMTP_URL when it is set; otherwise reports that nothing was sent. */
@Injectable()
export class MailerService {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(PARLEY_CONFIG) private readonly config: ParleyConfig) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Returns true when the message was handed to the SMTP server. */
  async send(to: string, subject: string, text: string): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({
        from: `Parley <no-reply@${new URL(this.config.publicUrl).hostname}>`,
        to,
        subject,
        text,
      });
      return true;
    } catch (error) {
      // The inviter still gets the link to pass on; the address is not logged.
      this.logger.warn(
        { err: error },
        'Could not send an email; the link is shown to the sender instead',
      );
      return false;
    }
  }
}
