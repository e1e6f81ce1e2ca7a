using MailKit.Net.Smtp;
using MimeKit;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// One SMTP attempt with MailKit on a pooled connection (<see cref="SmtpConnectionPool"/>). The server's real reply to
/// the end of DATA (code, text and queue id) is what the outbox records. MailKit pipelines MAIL/RCPT/DATA when the
/// server offers PIPELINING (RFC 2920) and adds the DSN parameters when it offers DSN (RFC 3461).
/// </summary>
public sealed class SmtpTransport : ISmtpTransport
{
    private readonly SmtpConnectionPool _pool;
    private readonly MailboxAddress _envelopeSender;

    /// <summary>Creates the transport from validated options over a shared pool.</summary>
    public SmtpTransport(SmtpConnectionPool pool, IOptions<SmtpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        _pool = pool;
        // RFC 5321 §4.5.5: bounces go to the envelope sender, so it is the bounce mailbox when one is configured.
        var smtp = options.Value;
        _envelopeSender = MailboxAddress.Parse(string.IsNullOrWhiteSpace(smtp.BounceAddress) ? smtp.SenderAddress : smtp.BounceAddress);
    }

    /// <inheritdoc />
    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        PooledSmtpConnection connection;
        try
        {
            connection = await _pool.RentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SmtpFailureClassifier.IsConnectionFailure(exception))
        {
            // Nothing was handed over: no transaction started, so no Sending mark was written either.
            return SmtpFailureClassifier.Classify(exception);
        }

        var usable = false;
        var started = false;
        try
        {
            if (attempts is not null)
            {
                // The observer failing (the claim was lost, storage failed) leaves the connection as good as it was.
                usable = true;
                await attempts(SmtpAttemptPhase.Starting, cancellationToken).ConfigureAwait(false);
                usable = false;
            }

            connection.Client.RecipientAccepted = false;
            started = true;
            using var message = MimeMessageFactory.Create(email);
            connection.Client.NextEnvelopeId = email.EnvelopeId;
            var response = await connection.Client.SendAsync(message, _envelopeSender, [new MailboxAddress(email.To.DisplayName, email.To.Address)], cancellationToken)
                .ConfigureAwait(false);
            usable = true;
            // MailKit returns the text of the 250 reply to the end of DATA (RFC 5321 §4.1.1.4); the code is 250 by definition.
            return SmtpDeliveryOutcome.Sent(SmtpReplies.Format(250, response), SmtpReplies.QueueId(response));
        }
        catch (SmtpCommandException exception)
        {
            // A refused command leaves the session usable (MailKit sends RSET) unless the server closed it (421).
            usable = connection.Client.IsConnected && (int)exception.StatusCode != 421;
            return await RefusedAsync(SmtpFailureClassifier.Classify(exception), attempts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (SmtpFailureClassifier.IsConnectionFailure(exception))
        {
            var outcome = SmtpFailureClassifier.Classify(exception) with { ReplyUnknown = started && connection.Client.RecipientAccepted };
            return started && !outcome.ReplyUnknown ? await RefusedAsync(outcome, attempts, cancellationToken).ConfigureAwait(false) : outcome;
        }
        catch (OperationCanceledException) when (started && !connection.Client.RecipientAccepted && attempts is not null)
        {
            // Timed out before any recipient was accepted: nothing was delivered; the mark is taken back, then the
            // timeout goes on to the pipeline (the caller's token is already cancelled, hence None for the write).
            await attempts(SmtpAttemptPhase.Refused, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException) when (started && connection.Client.RecipientAccepted)
        {
            // Timed out (or the host is stopping) mid-transaction: the relay may have the message.
            return SmtpDeliveryOutcome.Transient(null, "no SMTP reply: the attempt timed out during the transaction") with { ReplyUnknown = true };
        }
        finally
        {
            connection.Client.NextEnvelopeId = null;
            _pool.Return(connection, usable);
        }
    }

    private static async Task<SmtpDeliveryOutcome> RefusedAsync(SmtpDeliveryOutcome outcome, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
    {
        if (attempts is not null)
        {
            await attempts(SmtpAttemptPhase.Refused, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }
}
