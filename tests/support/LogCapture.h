#pragma once

#include <QString>
#include <QStringList>

namespace Dps::Test {

// Captures qDebug/qInfo/qWarning output while it lives (qInstallMessageHandler), with every `dps.*`
// category switched on, so a test can assert what is logged and, above all, what is not (tokens,
// keys, secrets). Lines read "category: message". Not thread-safe; one at a time.
class LogCapture
{
public:
    explicit LogCapture(const QString &filterRules = QStringLiteral("dps.*=true"));
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QStringList lines() const;
    QStringList lines(const QString &category) const;
    QString text() const { return lines().join(QLatin1Char('\n')); }
    bool contains(const QString &needle) const { return text().contains(needle); }
    void clear();
};

} // namespace Dps::Test
