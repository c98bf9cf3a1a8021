#pragma once

#include "KeychainBackend.h"
#include "SecretStore.h"
#include "http/Pipeline.h"

#include <QHash>

#include <deque>
#include <memory>
#include <optional>

namespace Dps::Secrets {

// The OS keychain (QtKeychain), with three things QtKeychain 0.13 doesn't do for us:
//
// * Long values are split. The Windows credential store caps a blob at 2560 bytes and Entra refresh
//   tokens can be longer, so a value is stored as parts of at most ChunkSize bytes under key, key.1,
//   key.2, ... on every platform (so the Linux tests exercise it too). The entry under `key` starts
//   with a small header, "dpss1 <parts> <length> <sha256 prefix>\n", so a read knows how many parts to
//   fetch and can tell a complete value from a torn one:
//
//       write: read old header ─> write key.1 … key.(n-1) ─> write key (header; the commit point)
//              ─> delete stale parts of an earlier, longer value (from the top down)
//       read:  read key ─> read key.1 … key.(n-1) ─> check length and digest
//       remove: read key (how many parts) ─> delete key ─> delete the parts (from the top down)
//
//   An interrupted write leaves the old value or one that reads as corrupt (Kind::Other), never a
//   wrong one; stale parts it leaves behind are swept by the next write or remove of that key.
// * One retry, after Options::retryDelayMs, when the keychain fails in a way that can mean "not up
//   yet" (NoBackend or Other) before it has ever answered: at login, the Secret Service or KWallet
//   may start after us (Nextcloud desktop, httpcredentials.cpp, issues #4274 and #6522).
// * Errors become SecretError kinds (keychainError()), and a read that finds nothing while the
//   keychain is locked reports Locked, not NotFound (see KeychainBackend::checkLocked()).
//
// Never logs a value, and never falls back to a plaintext file.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static constexpr int ChunkSize = 2048; // payload bytes per entry; header + part stays under 2560
    static constexpr int MaxChunks = 64;   // so at most 128 KiB per value
    static constexpr int MaxValueSize = ChunkSize * MaxChunks;

    struct Options
    {
        // The Secret Service "server" attribute, the macOS keychain's service. Windows ignores it
        // (the credential's name is the key alone), hence the "dps/" prefix of every key.
        QString service = QStringLiteral("dps-setup");
        int retryDelayMs = 500;
        std::shared_ptr<Http::Clock> clock = Http::SystemClock::instance(); // waits for the retry
    };

    explicit KeychainSecretStore(QObject *parent = nullptr); // QtKeychain, default options
    // `backend` null: QtKeychain for options.service.
    explicit KeychainSecretStore(Options options,
                                 std::unique_ptr<KeychainBackend> backend = {},
                                 QObject *parent = nullptr);
    ~KeychainSecretStore() override; // fails the jobs still running

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QByteArray &value) override;
    SecretJob *remove(const QString &key) override;
    bool isPersistent() const override { return true; }

    const Options &options() const { return m_options; }
    // The entry that holds part `index` of the value under `key` (index 0 is `key` itself).
    static QString chunkKey(const QString &key, int index);

private:
    struct Operation;
    using OperationPtr = std::shared_ptr<Operation>;
    enum class Call { Read, Write, Remove };

    SecretJob *enqueue(SecretJob::Operation kind, const QString &key, const QByteArray &value);
    void start(const OperationPtr &op);
    void startRead(const OperationPtr &op);
    void readPart(const OperationPtr &op, int index);
    void startWrite(const OperationPtr &op);
    void writePart(const OperationPtr &op, int index);
    void startRemove(const OperationPtr &op);
    // Deletes parts from `from` up to the highest that exists (at least up to knownEnd - 1), top down.
    using PartsDone = std::function<void(const std::optional<SecretError> &error)>;
    void removeParts(const OperationPtr &op, int from, int knownEnd, PartsDone done);
    void findPartsEnd(const OperationPtr &op,
                      int index,
                      std::function<void(int end, const std::optional<SecretError> &error)> done);
    void deletePartsDown(const OperationPtr &op, int index, int from, PartsDone done);
    void call(const OperationPtr &op,
              Call call,
              const QString &entry,
              const QByteArray &data,
              KeychainCallback done);
    void succeed(const OperationPtr &op, const QByteArray &value = {});
    void fail(const OperationPtr &op, SecretError error);
    void finish(const OperationPtr &op);

    Options m_options;
    std::unique_ptr<KeychainBackend> m_backend;
    QHash<QString, std::deque<OperationPtr>> m_queues; // per key: the running operation first
    bool m_keychainAnswered = false; // it has worked once: no more "not up yet" retries
};

} // namespace Dps::Secrets
