// The browser side of the chat: plain WebSocket with the json.webpubsub.azure.v1 subprotocol, no library.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  let socket = null;
  let session = null; // {userId, room, group}
  let nextAckId = 1;

  $('join').addEventListener('submit', async (e) => {
    e.preventDefault();
    showJoinError('');
    $('join-button').disabled = true;
    try {
      session = await negotiate($('name').value.trim(), $('room').value.trim());
      connect(session);
    } catch (err) {
      showJoinError(err.message);
      $('join-button').disabled = false;
    }
  });

  $('send').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text || !socket || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    if (text === '/who') {
      sendFrame({type: 'event', event: 'who', dataType: 'text', data: ''});
    } else {
      sendFrame({type: 'sendToGroup', group: session.group, dataType: 'json', data: {text}, noEcho: false});
    }
    $('text').value = '';
  });

  $('who').addEventListener('click', () => sendFrame({type: 'event', event: 'who', dataType: 'text', data: ''}));
  $('leave').addEventListener('click', () => socket && socket.close(1000, 'left'));

  async function negotiate(name, room) {
    const response = await fetch('api/negotiate', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({name, room}),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || `The server refused to join (HTTP ${response.status})`);
    }
    return body;
  }

  function connect(s) {
    setStatus('connecting…');
    socket = new WebSocket(s.url, 'json.webpubsub.azure.v1');
    socket.addEventListener('message', (e) => onFrame(JSON.parse(e.data)));
    socket.addEventListener('close', (e) => {
      setStatus(`disconnected${e.reason ? ': ' + e.reason : ''}`);
      $('chat').hidden = true;
      $('join').hidden = false;
      $('join-button').disabled = false;
      socket = null;
    });
  }

  function onFrame(frame) {
    switch (frame.type) {
      case 'system':
        if (frame.event === 'connected') {
          setStatus(`connected as ${frame.userId}`);
          $('room-name').textContent = session.room;
          $('user-name').textContent = frame.userId;
          $('join').hidden = true;
          $('chat').hidden = false;
          $('text').focus();
        } else if (frame.event === 'disconnected') {
          addLine('error', `Disconnected: ${frame.message || 'no reason given'}`);
        }
        break;
      case 'message':
        onMessage(frame);
        break;
      case 'ack':
        if (!frame.success) {
          addLine('error', `Not delivered: ${frame.error ? frame.error.name : 'unknown error'}`);
        }
        break;
      default:
        break;
    }
  }

  // Group messages sent by a browser carry fromUserId (set by the service, so it cannot be forged);
  // group messages without it come from the app server (presence), server messages are notices or replies.
  function onMessage(frame) {
    const data = frame.data || {};
    if (frame.from === 'group' && frame.fromUserId) {
      addLine('chat', typeof data.text === 'string' ? data.text : JSON.stringify(data), frame.fromUserId);
    } else if (frame.from === 'group' && data.kind === 'presence') {
      addLine('presence', `${data.user} ${data.action === 'joined' ? 'joined' : 'left'} the room`);
    } else if (frame.from === 'server' && data.kind === 'notice') {
      addLine('notice', `Notice: ${data.text}`);
    } else if (frame.from === 'server' && data.kind === 'who') {
      addLine('who', `In ${data.room}: ${data.users.join(', ')}`);
    }
  }

  function sendFrame(frame) {
    socket.send(JSON.stringify({...frame, ackId: nextAckId++}));
  }

  function addLine(kind, text, from) {
    const li = document.createElement('li');
    li.className = kind;
    if (from) {
      const who = document.createElement('span');
      who.className = 'from';
      who.textContent = from;
      li.append(who, ' ');
      li.dataset.from = from;
    }
    li.append(text);
    $('messages').append(li);
    li.scrollIntoView({block: 'end'});
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  function showJoinError(text) {
    $('join-error').textContent = text;
    $('join-error').hidden = !text;
  }
})();
