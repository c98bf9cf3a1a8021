#include "StatusIcons.h"

#include <QPalette>

namespace Dps::Ui {

QIcon statusIcon(Status status)
{
    switch (status) {
    case Status::None:
        return {};
    case Status::Busy:
        return QIcon(QStringLiteral(":/icons/busy.svg"));
    case Status::Pending:
        return QIcon(QStringLiteral(":/icons/pending.svg"));
    case Status::Ok:
        return QIcon(QStringLiteral(":/icons/ok.svg"));
    case Status::Info:
        return QIcon(QStringLiteral(":/icons/info.svg"));
    case Status::Warning:
        return QIcon(QStringLiteral(":/icons/warning.svg"));
    case Status::Error:
        return QIcon(QStringLiteral(":/icons/error.svg"));
    case Status::Stopped:
        return QIcon(QStringLiteral(":/icons/stopped.svg"));
    }
    return {};
}

QIcon copyIcon()
{
    return QIcon(QStringLiteral(":/icons/copy.svg"));
}

QIcon openExternalIcon()
{
    return QIcon(QStringLiteral(":/icons/open-external.svg"));
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor statusTextColor(Status status, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (status) {
    case Status::Ok:
        return dark ? QColor(0x8c, 0xe9, 0x9a) : QColor(0x1e, 0x6b, 0x2c);
    case Status::Warning:
        return dark ? QColor(0xff, 0xd4, 0x3b) : QColor(0x8a, 0x5a, 0x00);
    case Status::Error:
        return dark ? QColor(0xff, 0xa8, 0xa8) : QColor(0xb0, 0x1e, 0x27);
    case Status::None:
    case Status::Busy:
    case Status::Pending:
    case Status::Info:
    case Status::Stopped:
        break;
    }
    return palette.color(QPalette::WindowText);
}

} // namespace Dps::Ui
