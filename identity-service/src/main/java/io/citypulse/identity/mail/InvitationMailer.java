package io.citypulse.identity.mail;

import io.citypulse.identity.config.IdentityConfig;
import io.citypulse.identity.password.PasswordPolicy;
import io.citypulse.identity.user.User;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends the invitation e-mail of a new user, German first, then English. It never contains the
 * initial password: the admin hands that over separately, so a mail log or a forwarded mail does
 * not expose it.
 */
@ApplicationScoped
public class InvitationMailer {

  private final ReactiveMailer mailer;
  private final Template invitation;
  private final IdentityConfig config;

  public InvitationMailer(
      ReactiveMailer mailer,
      @Location("invitation.txt") Template invitation,
      IdentityConfig config) {
    this.mailer = mailer;
    this.invitation = invitation;
    this.config = config;
  }

  /** Sends the invitation in the background; a failure is logged and does not undo the user. */
  public void send(User user) {
    String text =
        invitation
            .data("name", user.name())
            .data("email", user.email())
            .data("roleDe", user.role().displayName())
            .data("roleEn", user.role().englishDisplayName())
            .data("town", config.town())
            .data("loginUrl", config.dashboardUrl())
            .data("minLength", PasswordPolicy.MIN_LENGTH)
            .render();
    Mail mail =
        Mail.withText(user.email(), "Ihr Zugang zu CityPulse / Your CityPulse account", text);
    mailer
        .send(mail)
        .subscribe()
        .with(
            sent -> Log.infof("Invitation mail sent to user %s", user.id()),
            failure ->
                Log.errorf(
                    failure,
                    "Sending the invitation mail to user %s failed; send it again by hand",
                    user.id()));
  }
}
