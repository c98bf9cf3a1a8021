#include "FieldMessage.h"

#include <QEvent>
#include <QStyle>

namespace Dps::Ui {

void wrapText(QLabel *label)
{
    label->setWordWrap(true);
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 40);
    // Any height beyond its lines goes below the text, so a note stays next to the field it explains.
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

namespace {
QString iconFile(Status status)
{
    switch (status) {
    case Status::Busy:
        return QStringLiteral("busy");
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Info:
        return QStringLiteral("info");
    case Status::Warning:
        return QStringLiteral("warning");
    case Status::Error:
        return QStringLiteral("error");
    case Status::Stopped:
        return QStringLiteral("stopped");
    case Status::None:
        break;
    }
    return {};
}
} // namespace

FieldMessage::FieldMessage(QWidget *field, QWidget *parent)
    : QLabel(parent)
    , m_field(field)
{
    wrapText(this);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void FieldMessage::setMessage(Status status, const QString &text)
{
    m_status = status;
    m_plainText = text;
    setAccessibleName(text);
    if (m_field)
        m_field->setAccessibleDescription(text);
    render();
    setVisible(!text.isEmpty());
}

void FieldMessage::clear()
{
    setMessage(Status::None, QString());
}

void FieldMessage::render()
{
    if (m_plainText.isEmpty()) {
        QLabel::setText(QString());
        return;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QString icon = iconFile(m_status);
    const QString image = icon.isEmpty() ? QString()
                                         : QStringLiteral("<img src=\":/icons/%1.svg\" width=\"%2\" height=\"%2\" "
                                                          "style=\"vertical-align: middle\">&nbsp;")
                                               .arg(icon)
                                               .arg(size);
    const QString color = statusTextColor(m_status, palette()).name();
    QLabel::setText(QStringLiteral("%1<span style=\"color: %2\">%3</span>").arg(image, color, m_plainText.toHtmlEscaped()));
}

void FieldMessage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        render();
    QLabel::changeEvent(event);
}

} // namespace Dps::Ui
