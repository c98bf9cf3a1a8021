// What a failed sign-in means for the person in front of the app. AADSTS codes:
// https://learn.microsoft.com/entra/identity-platform/reference-error-codes
#include "TokenCredential.h"

#include <QCoreApplication>
#include <QRegularExpression>

// Quiet by default, like dps.http: QT_LOGGING_RULES="dps.identity.debug=true".
Q_LOGGING_CATEGORY(lcIdentity, "dps.identity", QtWarningMsg)

namespace Dps::Identity {

namespace {

// "AADSTS7000215: Invalid client secret provided. ...\r\nTrace ID: ...\r\nCorrelation ID: ..." ->
// first line.
QString firstLine(const QString &description)
{
    const QString line = description.section(QRegularExpression(QStringLiteral("[\\r\\n]")),
                                             0,
                                             0,
                                             QString::SectionSkipEmpty);
    return line.trimmed();
}

bool hasAny(const AuthError &e, std::initializer_list<int> codes)
{
    for (int code : codes) {
        if (e.hasCode(code))
            return true;
    }
    return false;
}

} // namespace

bool AuthError::isInteractionRequired() const
{
    static const QStringList errors{QStringLiteral("interaction_required"),
                                    QStringLiteral("login_required"),
                                    QStringLiteral("consent_required")};
    // 50076/50079: MFA; 50072/50074: MFA enrolment or proof; 50158: external challenge; 53003:
    // Conditional Access; 65001: consent; 50173/70008/700082: the grant expired or was revoked
    // (sign in again).
    return errors.contains(error)
           || hasAny(*this, {50076, 50079, 50072, 50074, 50158, 53003, 65001, 50173, 70008, 700082});
}

QString AuthError::userMessage() const
{
    // The Azure CLI's own failures: what to do happens in az, whatever Entra said to it.
    if (error == QLatin1String("azure_cli_not_installed"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The Azure CLI (az) is not installed, or it is not on "
                                           "the PATH. Install it, or sign in another way.");
    if (error == QLatin1String("azure_cli_not_logged_in"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The Azure CLI is not signed in: run az login (with "
                                           "--tenant and the tenant ID for another tenant), then "
                                           "try again.");
    if (error == QLatin1String("azure_cli_timeout"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The Azure CLI did not answer within %1 s. Run az "
                                           "account get-access-token in a terminal to see what it "
                                           "is waiting for.")
            .arg(description);
    if (error == QLatin1String("azure_cli_failed")) {
        const QString detail = firstLine(description);
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The Azure CLI could not get a token: %1")
                   .arg(detail.isEmpty() ? QStringLiteral("?") : detail)
               + (detail.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral("."));
    }

    // Specific AADSTS codes first: they say more than the OAuth error.
    if (hasCode(7000215))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "The client secret is wrong. Use the secret's value (not its ID) from the app "
            "registration's "
            "\"Certificates & secrets\" page, or create a new secret.");
    if (hasCode(7000222))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The client secret has expired. Create a new secret on "
                                           "the app registration's \"Certificates & secrets\" "
                                           "page and use its value.");
    if (hasCode(7000218))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "The app registration is not a public client, so it wants a client secret. For a "
            "browser or device code sign-in, set \"Allow public client flows\" to Yes on the app "
            "registration's \"Authentication\" page; for a service principal, enter the secret's "
            "value.");
    if (hasCode(700025))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "This client ID belongs to a public client, which must not send a client secret. Sign "
            "in with the browser or a device code, or use the service principal's own client ID.");
    if (hasCode(700016))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "No application with this client ID exists in the tenant. Check the client "
            "(application) ID and the "
            "tenant ID: the app must be registered in, or consented to by, that tenant. To use "
            "your own app registration, register it as a public client with the redirect URI "
            "http://localhost (see \"Your own app registration\" in the README).");
    if (hasCode(50011))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "The app registration does not accept this app's redirect address. Add the redirect "
            "URI http://localhost under \"Mobile and desktop applications\" on the app "
            "registration's \"Authentication\" page.");
    if (hasAny(*this, {90002, 900023, 90013}))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The tenant was not found. Check the tenant ID (a GUID) "
                                           "or its domain name, and that you chose the "
                                           "right cloud.");
    if (hasCode(53003))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "A Conditional Access policy of this tenant blocked the sign-in. Ask the tenant's "
            "administrator what "
            "the policy requires (for example a managed device or a trusted location).");
    if (hasCode(50079))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "This tenant requires you to set up multi-factor "
                                           "authentication. Sign in with the browser to register "
                                           "a method, then try again.");
    if (hasAny(*this, {50076, 50072, 50074, 50158}))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "This tenant requires multi-factor authentication. Sign "
                                           "in to this tenant interactively with the "
                                           "browser.");
    if (hasCode(65001) || error == QLatin1String("consent_required"))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "The application has not been granted access to Azure Resource Manager in this tenant. "
            "Sign in "
            "interactively to consent, or ask an administrator to grant consent.");
    if (hasCode(70011) || error == QLatin1String("invalid_scope"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The sign-in service rejected the requested permission "
                                           "(scope). Check the cloud settings: the ARM "
                                           "scope must end in /.default.");

    if (error == QLatin1String("expired_token") || hasCode(70019))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The device code expired before the sign-in was "
                                           "finished. Start the sign-in again and enter the new "
                                           "code.");
    if (error == QLatin1String("authorization_declined"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The sign-in was declined on the device login page. "
                                           "Start it again if that was a mistake.");
    if (error == QLatin1String("bad_verification_code"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The sign-in service did not recognise the device "
                                           "code. Start the sign-in again.");
    if (error == QLatin1String("access_denied"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The sign-in was cancelled in the browser, or the "
                                           "requested permissions were declined. Sign in again "
                                           "and accept them to continue.");
    if (error == QLatin1String("timeout"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The sign-in was not completed in the browser within "
                                           "%1 s. Try again, or sign in with a device code if the "
                                           "browser cannot reach this computer.")
            .arg(description);
    if (error == QLatin1String("state_mismatch"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The browser returned an answer that does not belong to "
                                           "this sign-in, so it was rejected for your safety. "
                                           "Start the sign-in again.");
    if (error == QLatin1String("listener_failed"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The app could not wait for the browser's answer on "
                                           "this computer (%1). Sign in with a device code "
                                           "instead.")
            .arg(description);
    if (error == QLatin1String("network"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "Could not reach the sign-in service (%1). Check the "
                                           "network connection and proxy settings, "
                                           "then try again.")
            .arg(description);
    if (error == QLatin1String("cancelled"))
        return QCoreApplication::translate("Dps::Identity::AuthError", "The sign-in was cancelled.");
    if (error == QLatin1String("insecure_authority"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The sign-in address %1 does not use https. Secrets are "
                                           "only sent over https, or to this "
                                           "computer (loopback).")
            .arg(description);
    if (error == QLatin1String("invalid_tenant"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "\"%1\" is not a tenant ID or domain name. Enter the "
                                           "tenant's GUID or a domain such as "
                                           "contoso.onmicrosoft.com.")
            .arg(description);
    if (error == QLatin1String("invalid_client"))
        return QCoreApplication::translate("Dps::Identity::AuthError",
                                           "The service principal's credentials were rejected. "
                                           "Check the client ID and the client secret.");
    if (error == QLatin1String("unauthorized_client"))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "This application may not sign in this way in this tenant. Check the app registration "
            "(client ID, "
            "tenant, and whether it is a public or a confidential client).");
    if (error == QLatin1String("invalid_grant") || hasAny(*this, {50173, 70008, 700082}))
        return QCoreApplication::translate(
            "Dps::Identity::AuthError", "Your sign-in has expired or was revoked. Sign in again.");
    if (isInteractionRequired())
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "This tenant requires an interactive sign-in. Sign in with the browser.");
    if (error == QLatin1String("temporarily_unavailable") || httpStatus >= 500 || httpStatus == 429)
        return QCoreApplication::translate(
            "Dps::Identity::AuthError",
            "The sign-in service is busy or unavailable. Try again in a few minutes.");
    if (error == QLatin1String("invalid_response"))
        return QCoreApplication::translate(
                   "Dps::Identity::AuthError",
                   "The sign-in service sent an answer the app does not understand (%1).")
            .arg(description);
    const QString detail = firstLine(description);
    if (!detail.isEmpty())
        return QCoreApplication::translate("Dps::Identity::AuthError", "The sign-in failed: %1")
            .arg(detail);
    return QCoreApplication::translate("Dps::Identity::AuthError", "The sign-in failed (%1).")
        .arg(error.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus) : error);
}

QString AuthError::technicalDetails() const
{
    QStringList lines;
    lines << QStringLiteral("error: %1").arg(error);
    if (!aadstsCodes.isEmpty()) {
        QStringList codes;
        for (int c : aadstsCodes)
            codes << QStringLiteral("AADSTS%1").arg(c);
        lines << QStringLiteral("codes: %1").arg(codes.join(QStringLiteral(", ")));
    }
    if (!description.isEmpty())
        lines << QStringLiteral("description: %1").arg(firstLine(description));
    if (httpStatus)
        lines << QStringLiteral("HTTP status: %1").arg(httpStatus);
    if (!traceId.isEmpty())
        lines << QStringLiteral("trace id: %1").arg(traceId);
    if (!correlationId.isEmpty())
        lines << QStringLiteral("correlation id: %1").arg(correlationId);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Dps::Identity
