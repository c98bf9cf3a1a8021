#include "SecretError.h"

#include <QCoreApplication>

namespace Dps::Secrets {

SecretError SecretError::notFound(const QString &key)
{
    return {Kind::NotFound, QStringLiteral("Entry not found"), key};
}

SecretError SecretError::other(const QString &message, const QString &key)
{
    return {Kind::Other, message, key};
}

QString SecretError::userMessage() const
{
    switch (kind) {
    case Kind::NotFound:
        return QCoreApplication::translate(
            "Dps::Secrets::SecretError",
            "No saved sign-in was found in the keychain. Sign in again.");
    case Kind::NoBackend:
        return QCoreApplication::translate("Dps::Secrets::SecretError",
                                           "No keychain is available (no Secret Service is "
                                           "running). You can stay signed in for this "
                                           "session only.");
    case Kind::Locked:
        return QCoreApplication::translate("Dps::Secrets::SecretError",
                                           "The keychain is locked. Unlock it and try again, or "
                                           "stay signed in for this session only.");
    case Kind::AccessDenied:
        return QCoreApplication::translate("Dps::Secrets::SecretError",
                                           "Access to the keychain was denied. Allow DPS Setup to "
                                           "use the keychain and try again, or "
                                           "stay signed in for this session only.");
    case Kind::Other:
        break;
    }
    if (message.isEmpty())
        return QCoreApplication::translate("Dps::Secrets::SecretError",
                                           "The keychain could not be used.");
    //: %1 is the keychain's own error message (often English)
    return QCoreApplication::translate("Dps::Secrets::SecretError",
                                       "The keychain could not be used: %1")
        .arg(message);
}

QString SecretError::technicalDetails() const
{
    QString details = QStringLiteral("Keychain error: ") + kindName(kind);
    if (!key.isEmpty())
        details += QStringLiteral("\nKey: ") + key;
    if (!message.isEmpty())
        details += QStringLiteral("\nMessage: ") + message;
    return details;
}

QString SecretError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::NoBackend:
        return QStringLiteral("NoBackend");
    case Kind::Locked:
        return QStringLiteral("Locked");
    case Kind::AccessDenied:
        return QStringLiteral("AccessDenied");
    case Kind::Other:
        break;
    }
    return QStringLiteral("Other");
}

} // namespace Dps::Secrets
