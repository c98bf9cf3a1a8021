#include "FieldMessage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace Dps::Ui {

FieldMessage::FieldMessage(QWidget *field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("messageText"));
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    setVisible(false);
}

void FieldMessage::setMessage(Status status, const QString &text)
{
    m_status = status;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QIcon icon = statusIcon(status);
    m_icon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(size, size));
    m_icon->setVisible(!icon.isNull());
    m_text->setText(text);
    setAccessibleName(text);
    if (m_field)
        m_field->setAccessibleDescription(text);
    applyColor();
    setVisible(!text.isEmpty());
}

void FieldMessage::clear()
{
    setMessage(Status::None, QString());
}

QString FieldMessage::text() const
{
    return m_text->text();
}

void FieldMessage::applyColor()
{
    QPalette p = m_text->palette();
    p.setColor(QPalette::WindowText, statusTextColor(m_status, palette()));
    m_text->setPalette(p);
}

void FieldMessage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColor();
    QWidget::changeEvent(event);
}

} // namespace Dps::Ui
