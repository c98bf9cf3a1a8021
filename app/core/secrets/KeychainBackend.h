#pragma once

#include "SecretError.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <qt6keychain/keychain.h>

#include <functional>

namespace Dps::Secrets {

struct KeychainResult
{
    QKeychain::Error error = QKeychain::NoError;
    QString message; // QtKeychain's errorString()
    QByteArray data; // read: the entry's bytes
};
using KeychainCallback = std::function<void(const KeychainResult &result)>;

// One keychain entry per call: the seam between KeychainSecretStore (parts of long values, the retry,
// error kinds) and QtKeychain, so that logic can also be tested against a scripted fake.
// Each call runs `done` exactly once, unless `context` is destroyed first; it may run before the call
// returns (QtKeychain reports some errors synchronously).
class KeychainBackend
{
public:
    virtual ~KeychainBackend() = default;

    virtual void read(const QString &key, QObject *context, KeychainCallback done) = 0;
    virtual void write(const QString &key,
                       const QByteArray &data,
                       QObject *context,
                       KeychainCallback done)
        = 0;
    // Removing an entry that does not exist may succeed (libsecret) or report EntryNotFound (Windows).
    virtual void remove(const QString &key, QObject *context, KeychainCallback done) = 0;
    // Whether the keychain is locked, asked after a read found nothing: libsecret reports an item in a
    // locked collection whose unlock prompt could not be shown (or was dismissed) as "not found".
    virtual void checkLocked(QObject *context, std::function<void(bool locked)> done) = 0;
};

// The platform keychain through QtKeychain: Secret Service (libsecret) or KWallet on Linux, Keychain
// on macOS, Credential Manager on Windows. Never falls back to a plaintext file
// (setInsecureFallback(false) on every job, entra-auth-and-secrets.md 5).
class QtKeychainBackend : public KeychainBackend
{
public:
    explicit QtKeychainBackend(const QString &service);

    void read(const QString &key, QObject *context, KeychainCallback done) override;
    void write(const QString &key,
               const QByteArray &data,
               QObject *context,
               KeychainCallback done) override;
    void remove(const QString &key, QObject *context, KeychainCallback done) override;
    void checkLocked(QObject *context, std::function<void(bool locked)> done) override;

private:
    QString m_service;
};

// QtKeychain's error code and text as a SecretError kind. The text decides where the code is vague:
// libsecret and KWallet report a missing D-Bus or Secret Service and a locked collection as
// OtherError (or a locked one as AccessDenied), with the cause only in the message.
SecretError keychainError(QKeychain::Error error, const QString &message, const QString &key = {});

} // namespace Dps::Secrets
