#pragma once

#include <QMetaType>
#include <QString>

namespace Dps::Secrets {

// Why a secret could not be read, written or removed. `message` is the backend's own text (QtKeychain's
// errorString: for "Copy details" and the log, never shown as the headline and never holding a
// secret); userMessage() says what happened and what the user can do about it.
struct SecretError
{
    enum class Kind {
        NotFound,     // nothing is stored under the key
        NoBackend,    // no keychain at all: no Secret Service or KWallet, no D-Bus session
        Locked,       // the keychain (its default collection) is locked and could not be unlocked
        AccessDenied, // the user or the OS refused access
        Other,
    };

    Kind kind = Kind::Other;
    QString message;
    QString key; // the entry it was about (keys name a tenant and an account, never hold a secret)

    static SecretError notFound(const QString &key);
    static SecretError other(const QString &message, const QString &key = {});

    // No keychain can keep secrets right now: the place to offer "stay signed in for this session only".
    bool isKeychainUnavailable() const
    {
        return kind == Kind::NoBackend || kind == Kind::Locked || kind == Kind::AccessDenied;
    }
    // Translated: what went wrong and what to do about it.
    QString userMessage() const;
    // For "Copy details" and logs: kind, key and the backend's message.
    QString technicalDetails() const;
    static QString kindName(Kind kind); // "NotFound", "NoBackend", ... (untranslated, for logs)
};

} // namespace Dps::Secrets

Q_DECLARE_METATYPE(Dps::Secrets::SecretError)
