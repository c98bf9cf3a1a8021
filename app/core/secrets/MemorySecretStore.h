#pragma once

#include "SecretStore.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace Dps::Secrets {

// Keeps secrets in this process only: the store behind "stay signed in for this session only" when no
// keychain works, and the stand-in for KeychainSecretStore in unit tests. Completes every job from
// the event loop, like the keychain, so callers can't come to rely on synchronous answers.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QByteArray &value) override;
    SecretJob *remove(const QString &key) override;
    bool isPersistent() const override { return false; }

    // For tests: what is stored (keys only), and a failure every operation reports until it is reset
    // with std::nullopt (a locked or missing keychain, as the code under test would meet it).
    bool contains(const QString &key) const { return m_values.contains(key); }
    QStringList keys() const;
    void clear();
    void setFailure(std::optional<SecretError> error) { m_failure = std::move(error); }

private:
    QHash<QString, QByteArray> m_values;
    std::optional<SecretError> m_failure;
};

} // namespace Dps::Secrets
