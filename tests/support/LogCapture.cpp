#include "LogCapture.h"

#include <QLoggingCategory>

namespace Dps::Test {

namespace {

QStringList g_lines;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_lines.append(QString::fromLatin1(context.category ? context.category : "default")
                   + QStringLiteral(": ") + message);
}

} // namespace

LogCapture::LogCapture(const QString &filterRules)
{
    g_lines.clear();
    g_previous = qInstallMessageHandler(capture);
    QLoggingCategory::setFilterRules(filterRules);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(g_previous);
    QLoggingCategory::setFilterRules(QString());
    g_lines.clear();
}

QStringList LogCapture::lines() const
{
    return g_lines;
}

QStringList LogCapture::lines(const QString &category) const
{
    QStringList out;
    const QString prefix = category + QStringLiteral(": ");
    for (const QString &line : g_lines) {
        if (line.startsWith(prefix))
            out.append(line);
    }
    return out;
}

void LogCapture::clear()
{
    g_lines.clear();
}

} // namespace Dps::Test
